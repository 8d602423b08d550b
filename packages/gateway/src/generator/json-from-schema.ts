import type { Random } from './random';
import { listItems } from './words';

type Schema = Record<string, unknown>;

const maxDepth = 8;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveReference(root: Schema, reference: string): Schema {
  if (!reference.startsWith('#')) return {};
  let node: unknown = root;
  for (const part of reference.slice(1).split('/').filter(Boolean)) {
    if (!isSchema(node)) return {};
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isSchema(node) ? node : {};
}

function mergeAll(root: Schema, schemas: unknown[]): Schema {
  const merged: Schema = { type: 'object', properties: {}, required: [] };
  for (const part of schemas) {
    if (!isSchema(part)) continue;
    const schema = typeof part.$ref === 'string' ? resolveReference(root, part.$ref) : part;
    Object.assign(merged, { ...schema, properties: merged.properties, required: merged.required });
    Object.assign(merged.properties as Schema, isSchema(schema.properties) ? schema.properties : {});
    if (Array.isArray(schema.required))
      (merged.required as unknown[]).push(...(schema.required as unknown[]));
  }
  return merged;
}

function typeOf(schema: Schema): string | undefined {
  const { type } = schema;
  if (Array.isArray(type)) return (type.find((entry) => entry !== 'null') ?? type[0]) as string | undefined;
  if (typeof type === 'string') return type;
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function formatted(format: string, random: Random): string | undefined {
  switch (format) {
    case 'date-time':
      return new Date(Date.UTC(2025, random.integer(0, 11), random.integer(1, 28), 12)).toISOString();
    case 'date':
      return `2025-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
    case 'email':
      return `user${random.integer(1, 999)}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${random.hex(8)}`;
    case 'uuid':
      return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;
    default:
      return undefined;
  }
}

function stringFor(schema: Schema, random: Random): string {
  const format = typeof schema.format === 'string' ? formatted(schema.format, random) : undefined;
  let text = format ?? random.pick(listItems);
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  while (text.length < minLength) text += ` ${random.pick(listItems).toLowerCase()}`;
  return text.slice(0, Math.max(minLength, Math.min(maxLength, text.length)));
}

function numberFor(schema: Schema, random: Random, integer: boolean): number {
  const exclusiveMinimum = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exclusiveMaximum = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  let low = typeof schema.minimum === 'number' ? schema.minimum : (exclusiveMinimum ?? 0);
  let high = typeof schema.maximum === 'number' ? schema.maximum : (exclusiveMaximum ?? low + 100);
  if (exclusiveMinimum !== undefined)
    low = Math.max(low, integer ? Math.floor(exclusiveMinimum) + 1 : exclusiveMinimum);
  if (exclusiveMaximum !== undefined)
    high = Math.min(high, integer ? Math.ceil(exclusiveMaximum) - 1 : exclusiveMaximum);
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (step !== undefined) {
    const first = Math.ceil(low / step);
    const last = Math.floor(high / step);
    return (last >= first ? random.integer(first, last) : first) * step;
  }
  if (integer) return random.integer(Math.ceil(low), Math.max(Math.ceil(low), Math.floor(high)));
  const value = low + random.next() * (high - low);
  const rounded = Math.round(value * 100) / 100;
  return rounded > low && rounded < high
    ? rounded
    : value === low && exclusiveMinimum !== undefined
      ? (low + high) / 2
      : value;
}

function generate(root: Schema, schema: Schema, random: Random, depth: number): unknown {
  if (typeof schema.$ref === 'string')
    return generate(root, resolveReference(root, schema.$ref), random, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return random.pick(schema.enum);
  // The first branch is always valid for anyOf; oneOf schemas in practice have disjoint branches.
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && isSchema(options[0])) return generate(root, options[0], random, depth + 1);
  }
  if (Array.isArray(schema.allOf)) return generate(root, mergeAll(root, schema.allOf), random, depth + 1);
  switch (typeOf(schema)) {
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        if (depth >= maxDepth && !required.includes(key)) continue;
        result[key] = generate(root, isSchema(property) ? property : {}, random, depth + 1);
      }
      for (const key of required) {
        if (!(key in result)) result[key] = stringFor({}, random);
      }
      return result;
    }
    case 'array': {
      const minimum = typeof schema.minItems === 'number' ? schema.minItems : 1;
      const maximum = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(minimum, 3);
      const count = depth >= maxDepth ? minimum : random.integer(minimum, Math.max(minimum, maximum));
      const items = isSchema(schema.items) ? schema.items : {};
      return Array.from({ length: count }, () => generate(root, items, random, depth + 1));
    }
    case 'string':
      return stringFor(schema, random);
    case 'integer':
      return numberFor(schema, random, true);
    case 'number':
      return numberFor(schema, random, false);
    case 'boolean':
      return random.next() < 0.5;
    case 'null':
      return null;
    default:
      return stringFor(schema, random);
  }
}

/**
 * A value valid against a JSON schema (the subset used by `response_format` and tool parameters: types,
 * properties and required, items with min/max, enum, const, string lengths and formats, number bounds and
 * multipleOf, anyOf/oneOf/allOf, local `$ref`). `pattern` is not honoured.
 */
export function valueFromSchema(schema: unknown, random: Random): unknown {
  const root = isSchema(schema) ? schema : {};
  return generate(root, root, random, 0);
}
