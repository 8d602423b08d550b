const marker = 'helicone-kit.error';
const symbol = /* @__PURE__ */ Symbol.for(marker);

/**
 * Base of every error this kit throws. `isInstance` checks a `Symbol.for` marker instead of the prototype
 * chain, so it also recognises errors from a second copy of the package (two versions in one bundle).
 */
export class HeliconeKitError extends Error {
  override name = 'HeliconeKitError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Set here, not as a class field with a computed key, so bundlers can drop the class when it is unused.
    Object.defineProperty(this, symbol, { value: true });
  }

  static isInstance(error: unknown): error is HeliconeKitError {
    return HeliconeKitError.hasMarker(error, marker);
  }

  /** For subclasses: each has its own marker name, set as a symbol property in its constructor. */
  protected static hasMarker(error: unknown, markerName: string): boolean {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[Symbol.for(markerName)] === true
    );
  }
}
