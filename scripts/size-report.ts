/**
 * Where the bytes of a browser bundle go: bundles one import from the workspace sources (through the
 * `@helicone-kit/source` condition) as a browser would, minified, and prints each module's minified bytes and
 * the bundle's total minified and gzip size. Peer dependencies (React, react-query, zustand) are left out, as in
 * the size-limit budgets.
 *
 *   npx tsx scripts/size-report.ts
 *   npx tsx scripts/size-report.ts "{ parseModel }"
 *   npx tsx scripts/size-report.ts "{ useHeliconeChat }" @helicone-kit/react
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const imports = process.argv[2] ?? '{ createChatStore, createHttpTransport }';
const from = process.argv[3] ?? '@helicone-kit/core';
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'zustand', 'zustand/*'];

const result = await build({
  stdin: {
    contents: `export ${imports} from '${from}';`,
    resolveDir: root,
    sourcefile: 'size-report-entry.ts',
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['@helicone-kit/source', 'browser', 'import', 'default'],
  external: peers,
  metafile: true,
  write: false,
  logLevel: 'warning',
});

const code = result.outputFiles[0]?.contents ?? new Uint8Array();
const output = Object.values(result.metafile.outputs)[0];
const modules = Object.entries(output?.inputs ?? {})
  .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^.*node_modules\//, ''), bytes: bytesInOutput }))
  .filter(({ bytes }) => bytes > 0)
  .sort((left, right) => right.bytes - left.bytes);

const width = Math.max(...modules.map(({ bytes }) => String(bytes).length));
console.log(`export ${imports} from '${from}'\n`);
for (const { file, bytes } of modules) console.log(`${String(bytes).padStart(width)}  ${file}`);
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
console.log(`\nminified ${kilobytes(code.length)}, gzip ${kilobytes(gzipSync(code).length)}`);
