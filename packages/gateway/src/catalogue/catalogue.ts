import { aliases, models, providerNames } from './models';
import type { CatalogueModel } from './types';

const byId = new Map(models.map((model) => [model.id, model]));

/** The catalogue model for a registry id or one of Helicone's aliases; undefined for unknown names. */
export function findModel(name: string): CatalogueModel | undefined {
  return byId.get(aliases[name] ?? name);
}

export function isKnownProvider(provider: string): boolean {
  return providerNames.includes(provider);
}

export { models, providerNames };
