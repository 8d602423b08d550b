import { defineConfig } from 'tsup';

export default defineConfig({
  // src/cli.ts starts with `#!/usr/bin/env node`; esbuild keeps it and tsup marks dist/cli.js executable.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  // tsup injects baseUrl (deprecated in TS 6) and cannot build composite projects' declarations.
  dts: {
    entry: { index: 'src/index.ts' },
    compilerOptions: { ignoreDeprecations: '6.0', composite: false },
  },
});
