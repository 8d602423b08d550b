import { parseArgs } from 'node:util';
import { parseFault } from '../behaviours/parse-fault';
import type { Faults, LocalGatewayOptions, Pace } from '../types';

/** The time scale `--dev` turns on when `--time-scale` is not given. */
export const defaultDevTimeScale = 1;

export const usage = `Usage: helicone-kit-gateway [options]

  --port <n>            port to listen on (default 8787; 0 picks a free one)
  --host <address>      address to bind (default 127.0.0.1)
  --db <file>           SQLite request log (default .helicone-kit/gateway.db; ":memory:" keeps nothing)
  --api-key <key>       the key clients must send (default: a random key, printed at start)
  --upstream <url>      answer from a real server: an OpenAI-compatible base URL (…/v1) or Anthropic's host;
                        its key is read from the environment variable UPSTREAM_API_KEY
  --upstream-format <f> openai | anthropic (default: anthropic for *.anthropic.com, else openai)
  --upstream-model <m>  provider | helicone: the model sent upstream (helicone for a Helicone gateway)
  --prompts <file>      JSON prompt store: { "prompts": [{ "id", "name", "promptBody" }] }
  --stream-cache <m>    replay | skip: whether streamed requests use the cache (default replay)
  --error-format <f>    gateway | docs: error body when every attempt failed (default gateway)
  --fault <p=spec>      a provider fault: openai=500, anthropic=timeout, openai=cut, openai=malformed[:times]
  --pace <ms,tps>       first-token delay and tokens per second (default 300,40; "fast" for no delay)
  --dev                 enable POST /__dev/faults (with the key, like every endpoint) and --time-scale
  --time-scale <x>      with --dev: multiply every scheduled wait by x (default 1, real time; e.g. 0.01)
  --help                show this text`;

function parsePace(text: string): Pace {
  if (text === 'fast') return { firstTokenMs: 0, tokensPerSecond: Infinity };
  const match = /^(\d+),(\d+(?:\.\d+)?)$/.exec(text);
  if (!match)
    throw new Error(
      `Invalid --pace ${JSON.stringify(text)}: expected <firstTokenMs>,<tokensPerSecond> or "fast".`,
    );
  return { firstTokenMs: Number(match[1]), tokensPerSecond: Number(match[2]) };
}

/** The gateway options of a command line; throws with a message fit for the terminal on bad input. */
function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`Invalid --${name} ${JSON.stringify(value)}: expected ${allowed.join(' or ')}.`);
  }
  return value as T;
}

export function parseArguments(
  argv: string[],
  environment: NodeJS.ProcessEnv = {},
): { help: true } | { help: false; options: LocalGatewayOptions } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: '.helicone-kit/gateway.db' },
      'api-key': { type: 'string' },
      upstream: { type: 'string' },
      'upstream-format': { type: 'string' },
      'upstream-model': { type: 'string' },
      prompts: { type: 'string' },
      'stream-cache': { type: 'string', default: 'replay' },
      'error-format': { type: 'string', default: 'gateway' },
      fault: { type: 'string', multiple: true, default: [] },
      pace: { type: 'string', default: '300,40' },
      dev: { type: 'boolean', default: false },
      'time-scale': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid --port ${JSON.stringify(values.port)}.`);
  const faults: Faults = {};
  for (const text of values.fault) {
    const { provider, fault } = parseFault(text);
    faults[provider] = fault;
  }
  const options: LocalGatewayOptions = {
    port,
    host: values.host,
    database: values.db,
    faults,
    pace: parsePace(values.pace),
    dev: values.dev,
  };
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  options.streamCache = oneOf('stream-cache', values['stream-cache'], ['replay', 'skip'] as const);
  options.errorFormat = oneOf('error-format', values['error-format'], ['gateway', 'docs'] as const);
  if (values.prompts !== undefined) options.prompts = values.prompts;
  if (values.upstream !== undefined) {
    try {
      new URL(values.upstream);
    } catch {
      throw new Error(`Invalid --upstream ${JSON.stringify(values.upstream)}: expected a URL.`);
    }
    const upstreamKey = environment.UPSTREAM_API_KEY;
    options.upstream = {
      url: values.upstream,
      ...(upstreamKey ? { apiKey: upstreamKey } : {}),
      ...(values['upstream-format'] === undefined
        ? {}
        : { format: oneOf('upstream-format', values['upstream-format'], ['openai', 'anthropic'] as const) }),
      ...(values['upstream-model'] === undefined
        ? {}
        : {
            modelForm: oneOf('upstream-model', values['upstream-model'], ['provider', 'helicone'] as const),
          }),
    };
  } else if (values['upstream-format'] !== undefined || values['upstream-model'] !== undefined) {
    throw new Error('--upstream-format and --upstream-model need --upstream.');
  }
  if (values['time-scale'] !== undefined && !values.dev) throw new Error('--time-scale needs --dev.');
  if (values.dev) {
    // A developer running the demo expects real waits (a 60 s rate-limit window lasts 60 s) unless they ask.
    const timeScale = Number(values['time-scale'] ?? defaultDevTimeScale);
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
      throw new Error(`Invalid --time-scale ${JSON.stringify(values['time-scale'])}: expected a number > 0.`);
    }
    options.timeScale = timeScale;
  }
  return { help: false, options };
}
