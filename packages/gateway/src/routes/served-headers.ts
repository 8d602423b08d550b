import type { HeaderMap } from '../http/respond';
import type { GatewayCall } from './gateway-call';

/** The headers of an answer: `Helicone-Id`, `-Status`, `-Gateway-Mode`, `-Provider`, `-Model`. */
export function servedHeaders(
  call: GatewayCall,
  served: { mode: string; provider: string; providerModelId: string },
): HeaderMap {
  return {
    ...call.headers,
    'helicone-status': 'success',
    'helicone-gateway-mode': served.mode,
    'helicone-provider': served.provider,
    'helicone-model': served.providerModelId,
  };
}
