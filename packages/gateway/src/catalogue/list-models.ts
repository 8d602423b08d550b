import { models } from './models';

/** `GET /v1/models`: OpenAI's list shape, `id` = registry id, `owned_by` = author (HELICONE.md §1.3). */
export function listModels() {
  return {
    object: 'list',
    data: models.map((model) => ({
      id: model.id,
      object: 'model',
      created: Math.floor(Date.parse(`${model.released}T00:00:00Z`) / 1000),
      owned_by: model.author,
    })),
  };
}
