/**
 * Base of every error this kit throws. `isInstance` checks a `Symbol.for` marker instead of the prototype
 * chain, so it also recognises errors from a second copy of the package (two versions in one bundle).
 */
export class HeliconeKitError extends Error {
  override name = 'HeliconeKitError';
  /** The `Symbol.for` key of the class's marker: each subclass names its own (`helicone-kit.error.<Name>`). */
  protected static readonly marker: string = 'helicone-kit.error';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Each class from the one made up to this one marks the instance, so `isInstance` of any of them is true.
    // Set here, not as class fields with computed keys, so bundlers can drop the classes when they are unused.
    for (let type: object = new.target; type !== Error; type = Object.getPrototypeOf(type) as object) {
      Object.defineProperty(this, Symbol.for((type as typeof HeliconeKitError).marker), { value: true });
    }
  }

  /** True for an instance of the class it is called on, also one made by another copy of the package. */
  static isInstance<T>(this: abstract new (...args: never) => T, error: unknown): error is T {
    // A primitive has no such property, and `?.` reads nothing from `null` or `undefined`.
    return (
      (error as Record<symbol, unknown> | null | undefined)?.[
        Symbol.for((this as unknown as typeof HeliconeKitError).marker)
      ] === true
    );
  }
}
