export { formatModel } from './format-model';
export { HELICONE_PREFIX, parseModel } from './parse-model';
export type { ModelEntry, ModelTarget, ParsedModel, ProviderExclusion } from './types';
