import { checkHeliconeOptions } from './check-helicone-options';
import { encodeHeliconeHeaders } from './encode-helicone-headers';
import { canonicalHeaderName } from './header-names';
import type { HeliconeOptions } from './helicone-options';

/**
 * Turns typed options into `Helicone-*` request headers with canonical names, following `HELICONE_FIELDS`.
 * Booleans are sent only when true (as `"true"`); free-text values are trimmed and, when not printable ASCII,
 * written as `UTF-8''<percent-encoded>`. The settings of a cache that is off (`cache: { enabled: false, maxAge: 60 }`)
 * are checked but not sent; those of a retry that is off (`retry: { enabled: false, num: 3 }`) are sent without
 * `Helicone-Retry-Enabled`, which the gateway needs before it reads them.
 *
 * @throws HeaderValueError naming the field, for any value that could not be sent as it is meant.
 */
export function toHeliconeHeaders(options: HeliconeOptions): Record<string, string> {
  if (options === undefined || options === null) return {};
  const headers = encodeHeliconeHeaders(checkHeliconeOptions(options));
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [canonicalHeaderName(name), value]),
  );
}
