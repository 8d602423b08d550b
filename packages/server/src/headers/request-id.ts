// The gateway's own check (HELICONE.md §2.1): anything else is silently replaced there.
const VALID_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isValidRequestId(value: string | null | undefined): value is string {
  return typeof value === 'string' && VALID_REQUEST_ID.test(value);
}

/** The client's `Helicone-Request-Id` when the gateway would keep it, else a new UUID v4, so feedback always has an id. */
export function chooseRequestId(clientValue: string | null): string {
  return isValidRequestId(clientValue) ? clientValue : crypto.randomUUID();
}
