/** Word banks of the offline generator: enough variety that answers read as prose, not as a test pattern. */

export const subjects = [
  'The gateway',
  'A streaming client',
  'The request log',
  'Each provider',
  'A careful design',
  'The fallback chain',
  'A small cache',
  'The rate limiter',
  'This approach',
  'The model',
  'A good test',
  'The server route',
  'Your application',
  'The first token',
  'A retry policy',
];

export const verbs = [
  'keeps',
  'measures',
  'shapes',
  'protects',
  'explains',
  'balances',
  'records',
  'simplifies',
  'reveals',
  'connects',
  'improves',
  'tracks',
  'reduces',
  'organises',
];

export const objects = [
  'the latency of every call',
  'the cost of each answer',
  'the order of the attempts',
  'the shape of the stream',
  'the budget of each user',
  'a clear picture of usage',
  'the trade-off between speed and accuracy',
  'the boundaries of the system',
  'the tokens that matter',
  'the state of the conversation',
  'the errors worth retrying',
  'the key away from the browser',
];

export const endings = [
  'without surprises',
  'in a predictable way',
  'at almost no cost',
  'even under load',
  'for every request',
  'when it matters most',
  'so the team can reason about it',
  'with very little code',
];

export const connectors = [
  'In practice,',
  'For example,',
  'As a result,',
  'On the other hand,',
  'In short,',
  'Most of the time,',
  'Under the hood,',
  'Put simply,',
];

export const headings = [
  'How it works',
  'Key points',
  'A closer look',
  'What to watch',
  'Summary',
  'Next steps',
  'Trade-offs',
];

export const listItems = [
  'Start with the simplest setup that works',
  'Measure before you optimise',
  'Keep secrets on the server',
  'Retry only what is safe to retry',
  'Stream tokens as soon as they arrive',
  'Log every request with its cost',
  'Cache answers that never change',
  'Group related calls into one session',
  'Name each user so limits apply fairly',
  'Prefer small, well-named functions',
  'Test against a real socket',
  'Fail fast on bad input',
];

export const tableRows: readonly (readonly [string, string, string])[] = [
  ['Latency', 'Low', 'Tokens arrive as they are made'],
  ['Cost', 'Tracked', 'Usage comes with the last chunk'],
  ['Retries', 'Optional', 'Exponential backoff'],
  ['Cache', 'Per seed', 'Up to 20 answers per bucket'],
  ['Fallbacks', 'Ordered', 'Tried left to right'],
  ['Limits', 'Per user', 'Requests or cents per window'],
  ['Privacy', 'Opt-in', 'Bodies can be left out of the log'],
];

export const codeSamples: readonly { language: string; lines: readonly string[] }[] = [
  {
    language: 'ts',
    lines: [
      "const response = await fetch('/api/helicone/chat/completions', {",
      "  method: 'POST',",
      "  headers: { 'Content-Type': 'application/json' },",
      "  body: JSON.stringify({ model: 'gpt-4o-mini', messages }),",
      '});',
    ],
  },
  {
    language: 'python',
    lines: [
      'def total_cost(rows):',
      '    return sum(row["cost"] for row in rows if row["cost"] is not None)',
    ],
  },
  {
    language: 'bash',
    lines: ['npx helicone-kit-gateway --port 8787', 'curl -s localhost:8787/v1/models | head'],
  },
  {
    language: 'ts',
    lines: [
      'function backoff(attempt: number, min = 1000, factor = 2, max = 10000) {',
      '  return Math.min(min * factor ** attempt, max);',
      '}',
    ],
  },
];

export const stopWords = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'is',
  'are',
  'was',
  'were',
  'be',
  'it',
  'this',
  'that',
  'what',
  'how',
  'why',
  'can',
  'you',
  'me',
  'my',
  'i',
  'your',
  'please',
  'tell',
  'about',
  'do',
  'does',
  'give',
  'write',
  'some',
  'any',
  'from',
  'as',
  'at',
  'by',
  'we',
  'our',
  'us',
  'explain',
]);
