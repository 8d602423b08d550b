/** Reads an environment variable where one exists (Node, Next.js edge); edge runtimes without `process` give undefined. */
export function readEnvironment(name: string): string | undefined {
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = environment?.[name];
  return value === undefined || value === '' ? undefined : value;
}
