import type { Pace } from '../types';
import { createAnthropicProvider } from './anthropic-provider';
import { createOfflineProvider } from './offline-provider';
import { createOpenAICompatibleProvider } from './openai-compatible-provider';
import type { Provider } from './types';
import { upstreamFormat, type UpstreamOptions } from './upstream-options';

/** The offline generator, or the configured upstream. */
export function createProvider(upstream: string | UpstreamOptions | undefined, pace: () => Pace): Provider {
  if (upstream === undefined) return createOfflineProvider(pace);
  const options = typeof upstream === 'string' ? { url: upstream } : upstream;
  return upstreamFormat(options) === 'anthropic'
    ? createAnthropicProvider(options)
    : createOpenAICompatibleProvider(options);
}
