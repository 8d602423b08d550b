import type { ResolvedOptions } from '../options/resolve-options';
import { callUpstream } from '../upstream/call-upstream';
import { buildModelList, type PriceOf } from './build-model-list';
import { readGatewayModels, readRegistryModels } from './model-sources';
import type { ModelInfo } from '@helicone-kit/core';

const SOURCE_TIMEOUT_MS = 10_000;

/** `source` names what is read in log lines; the URL is never logged (a key can sit in a base URL's path). */
async function readJson(
  options: ResolvedOptions,
  source: string,
  url: string,
  headers: Headers,
): Promise<unknown> {
  const result = await callUpstream({
    url,
    method: 'GET',
    headers,
    clientSignal: undefined,
    firstByteTimeoutMs: Math.min(options.firstByteTimeoutMs, SOURCE_TIMEOUT_MS),
    fetch: options.fetch,
  });
  if (result.kind !== 'response') {
    options.logger.warn(options.redact(`[helicone-kit/server] GET ${source}: ${result.kind}.`));
    return undefined;
  }
  if (!result.response.ok) {
    await result.response.body?.cancel().catch(() => undefined);
    options.logger.warn(
      options.redact(`[helicone-kit/server] GET ${source}: status ${result.response.status}.`),
    );
    return undefined;
  }
  try {
    return await result.response.json();
  } catch {
    return undefined;
  }
}

async function loadPriceOf(): Promise<PriceOf> {
  // Loaded on first use: the price data is large, and only this route needs it.
  const { priceOf } = await import('@helicone-kit/core/prices');
  return (model, provider) => priceOf(model, provider);
}

/** Reads the gateway's list and Helicone's registry in parallel and builds the route's list. */
export async function loadModelList(
  options: ResolvedOptions,
): Promise<{ value: ModelInfo[]; complete: boolean }> {
  const gatewayHeaders = new Headers({
    Accept: 'application/json',
    Authorization: `Bearer ${options.apiKey}`,
  });
  // The registry is public: the key is not sent to it.
  const registryHeaders = new Headers({ Accept: 'application/json' });
  const [gatewayBody, registryBody, priceOf] = await Promise.all([
    readJson(options, "the gateway's model list", `${options.targets.chat.baseURL}/models`, gatewayHeaders),
    readJson(
      options,
      "Helicone's model registry",
      `${options.apiBaseURL}/v1/public/model-registry/models`,
      registryHeaders,
    ),
    loadPriceOf(),
  ]);
  const gateway = readGatewayModels(gatewayBody);
  const registry = readRegistryModels(registryBody);
  const value = buildModelList({ gateway, registry, patterns: options.allowList.patterns, priceOf });
  return { value, complete: gateway !== undefined && registry !== undefined };
}
