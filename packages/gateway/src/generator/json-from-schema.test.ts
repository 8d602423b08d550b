import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { valueFromSchema } from './json-from-schema';

const ajv = new Ajv({ strict: false });
// ajv-formats is not a dependency: the two formats used below, checked by their RFC shapes.
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/);

const schemas: Record<string, object> = {
  weather: {
    type: 'object',
    properties: {
      location: { type: 'string', minLength: 3 },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 14 },
    },
    required: ['location', 'unit'],
    additionalProperties: false,
  },
  nested: {
    type: 'object',
    properties: {
      title: { type: 'string', maxLength: 12 },
      tags: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 4 },
      score: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      step: { type: 'number', multipleOf: 0.5, minimum: 1, maximum: 3 },
      author: { $ref: '#/$defs/person' },
      when: { type: 'string', format: 'date-time' },
      contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] },
      flag: { type: ['boolean', 'null'] },
      kind: { const: 'report' },
    },
    required: ['title', 'tags', 'score', 'author'],
    $defs: {
      person: {
        type: 'object',
        properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
        required: ['name', 'age'],
      },
    },
  },
  merged: {
    allOf: [
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      { type: 'object', properties: { b: { type: 'boolean' } }, required: ['b'] },
    ],
  },
  list: {
    type: 'array',
    items: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
  },
};

describe('valueFromSchema', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`gives values valid against the ${name} schema (ajv), for many seeds`, () => {
      const validate = ajv.compile(schema);
      for (let seed = 0; seed < 50; seed++) {
        const value = valueFromSchema(schema, createRandom(`${name}-${seed}`));
        expect(validate(value), JSON.stringify({ value, errors: validate.errors })).toBe(true);
      }
    });
  }

  it('is deterministic for a seed', () => {
    const schema = schemas.nested;
    expect(valueFromSchema(schema, createRandom('x'))).toEqual(valueFromSchema(schema, createRandom('x')));
  });
});
