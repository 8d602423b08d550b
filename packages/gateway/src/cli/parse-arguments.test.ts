import { describe, expect, it } from 'vitest';
import { parseArguments } from './parse-arguments';

describe('parseArguments', () => {
  it('has the documented defaults', () => {
    expect(parseArguments([])).toEqual({
      help: false,
      options: {
        port: 8787,
        host: '127.0.0.1',
        database: '.helicone-kit/gateway.db',
        faults: {},
        pace: { firstTokenMs: 300, tokensPerSecond: 40 },
        dev: false,
        streamCache: 'replay',
        errorFormat: 'gateway',
      },
    });
  });

  it('gives --dev the documented time scale 1 (real time) unless --time-scale says otherwise', () => {
    const parsed = parseArguments(['--dev']);
    expect(parsed.help === false && parsed.options.timeScale).toBe(1);
    const plain = parseArguments([]);
    expect(plain.help === false && plain.options.timeScale).toBeUndefined();
  });

  it('reads every option, the upstream key from the environment only', () => {
    const parsed = parseArguments(
      [
        '--port',
        '0',
        '--db',
        ':memory:',
        '--api-key',
        'k',
        '--fault',
        'openai=500',
        '--fault',
        'anthropic=timeout:2',
        '--pace',
        'fast',
        '--dev',
        '--time-scale',
        '0.01',
        '--upstream',
        'https://api.anthropic.com',
        '--upstream-model',
        'provider',
        '--stream-cache',
        'skip',
        '--error-format',
        'docs',
      ],
      { UPSTREAM_API_KEY: 'upstream-secret' },
    );
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 0,
        host: '127.0.0.1',
        database: ':memory:',
        apiKey: 'k',
        faults: { openai: { type: 'status', status: 500 }, anthropic: { type: 'timeout', times: 2 } },
        pace: { firstTokenMs: 0, tokensPerSecond: Infinity },
        dev: true,
        timeScale: 0.01,
        streamCache: 'skip',
        errorFormat: 'docs',
        upstream: { url: 'https://api.anthropic.com', apiKey: 'upstream-secret', modelForm: 'provider' },
      },
    });
  });

  it.each([
    [['--port', 'x'], /Invalid --port/],
    [['--fault', 'openai=200'], /status must be 400-599/],
    [['--fault', 'openai'], /Invalid fault/],
    [['--pace', 'slow'], /Invalid --pace/],
    [['--time-scale', '0.1'], /needs --dev/],
    [['--dev', '--time-scale', '0'], /Invalid --time-scale/],
    [['--dev', '--time-scale', 'Infinity'], /Invalid --time-scale/],
    [['--upstream', 'not a url'], /Invalid --upstream/],
    [['--upstream-format', 'openai'], /need --upstream/],
    [['--stream-cache', 'never'], /Invalid --stream-cache/],
    [['--bogus'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseArguments(['--help'])).toEqual({ help: true });
  });
});
