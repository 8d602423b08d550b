const SAFE_NAME = /^[\w-]{1,64}$/;

/** The `field` of an error about a property: the name as written when harmless, else a short escaped form. */
export function describePropertyField(name: string): string {
  if (SAFE_NAME.test(name)) return `properties.${name}`;
  return `properties[${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}]`;
}
