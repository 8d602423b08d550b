import { it } from 'vitest';
import { readHeliconeOptions } from './src/behaviours/read-helicone-options';
it('probe', () => {
  const warnings: string[] = [];
  const result = readHeliconeOptions(
    { [`helicone-property-${'a'.repeat(200)}`]: 'x', 'helicone-user-id': 'bob', 'helicone-cache-enabled': 'true' },
    (message) => warnings.push(message),
  );
  console.log(JSON.stringify(result.options), warnings);
});
