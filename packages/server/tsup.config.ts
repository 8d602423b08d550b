import { defineConfig } from 'tsup';

// tsup injects baseUrl (deprecated in TS 6) and cannot build composite projects' declarations.
const dts = { compilerOptions: { ignoreDeprecations: '6.0', composite: false } };

export default defineConfig([
  {
    // The route and the Next.js adapter use Web APIs only, so they run on edge runtimes.
    entry: { index: 'src/index.ts', next: 'src/next/index.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'neutral',
    // The two builds share dist/, so each cleans only its own files.
    clean: ['index.*', 'next.*', 'chunk-*'],
    dts,
  },
  {
    entry: { node: 'src/node/index.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
    clean: ['node.*'],
    dts,
  },
]);
