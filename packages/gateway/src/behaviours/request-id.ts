import { randomUUID } from 'node:crypto';

// The gateway's own check (`getValidUUID`, HELICONE.md §2.1).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The `Helicone-Request-Id` when it is a valid UUID; otherwise (absent or not a UUID) a new random one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && UUID.test(value.trim()) ? value.trim() : randomUUID();
}
