import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'browser',
  clean: true,
  external: ['react', 'react-dom', '@tanstack/react-query', 'zustand', '@helicone-kit/core'],
  // tsup injects baseUrl (deprecated in TS 6) and cannot build composite projects' declarations.
  dts: { compilerOptions: { ignoreDeprecations: '6.0', composite: false } },
});
