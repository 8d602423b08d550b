import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', prices: 'src/prices/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  clean: true,
  // tsup injects baseUrl (deprecated in TS 6) and cannot build composite projects' declarations.
  dts: { compilerOptions: { ignoreDeprecations: '6.0', composite: false } },
});
