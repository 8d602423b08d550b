export { HeliconeKitError } from './errors/helicone-kit-error';
export { ModelStringError } from './errors/model-string-error';
export { formatModel, HELICONE_PREFIX, parseModel } from './model-string';
export type { ModelEntry, ModelTarget, ParsedModel, ProviderExclusion } from './model-string';
