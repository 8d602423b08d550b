import { attemptsErrorBody } from '../behaviours/error-body';
import type { HeaderMap } from '../http/respond';
import type { RecordFields } from '../log/build-record';
import type { GatewayCall } from './gateway-call';

/**
 * Checks the call's rate-limit policy. Returns undefined when the call was refused (429 sent and logged), else
 * the `Helicone-RateLimit-*` headers for the answer and, for a cents policy, the bucket to charge afterwards.
 */
export function applyRateLimit(
  call: GatewayCall,
  base: Partial<RecordFields> & { requestedModel: string },
): { headers: HeaderMap; centsBucket: string | undefined } | undefined {
  const policy = call.rateLimitPolicy;
  if (!policy) return { headers: {}, centsBucket: undefined };
  const check = call.state.rateLimiter.check(policy, call.metadata);
  if (check.limited) {
    call.headers = { ...call.headers, ...check.headers };
    const refused = {
      source: 'helicone',
      provider: 'helicone',
      model: base.requestedModel,
      status: 429,
      message: 'Rate limited by Helicone-RateLimit-Policy',
    };
    call.failJson(429, attemptsErrorBody([refused], call.state.errorFormat).body, base);
    return undefined;
  }
  return { headers: check.headers, centsBucket: policy.unit === 'cents' ? check.bucket : undefined };
}
