// 2025-01-01T00:00:00Z: `created` is derived from the request (within the year after) so identical requests give
// identical bytes.
const epoch = 1_735_689_600;

/** The `id` and `created` of an answer, derived from its generation seed (hex). */
export function responseIdentity(prefix: string, seed: string): { id: string; created: number } {
  return {
    id: `${prefix}${seed.slice(0, 29)}`,
    created: epoch + (parseInt(seed.slice(0, 8), 16) % 31_536_000),
  };
}
