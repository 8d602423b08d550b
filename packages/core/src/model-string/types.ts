/** One model to try: `name[:online][/provider[/deploymentId]]`. */
export type ModelTarget = {
  kind: 'model';
  /** Helicone registry id (`claude-3.5-haiku`), or any provider id when `provider` is given (passthrough). */
  name: string;
  /** `:online`: the gateway adds its web-search plugin. */
  online: boolean;
  provider?: string;
  /** A specific bring-your-own-key deployment (Helicone config id). */
  deploymentId?: string;
};

/** `!provider`: no attempt of the whole list may use this provider. */
export type ProviderExclusion = { kind: 'exclude'; provider: string };

export type ModelEntry = ModelTarget | ProviderExclusion;

export type ParsedModel = {
  /** The LiteLLM form's `helicone/` prefix, when the text had it. `formatModel` never writes it. */
  prefix: 'helicone/' | undefined;
  /** Every entry in the order written; models are tried in this order. */
  entries: ModelEntry[];
  /** The model entries alone, in fallback order. */
  targets: ModelTarget[];
  /** The providers named by `!provider` entries. */
  excludedProviders: string[];
};
