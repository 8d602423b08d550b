/**
 * Where the bytes of a browser bundle go: bundles one import from the workspace sources (through the
 * `@helicone-kit/source` condition) as a browser would, minified, and prints each module's minified bytes and
 * the bundle's total minified and gzip size. React and react-query are left out, as in the size-limit budgets.
 *
 * With `--marginal`, each module is also replaced in turn by empty exports, and the gzip bytes the bundle loses
 * are printed: what that module (with whatever only it imports) really costs after compression.
 *
 *   npx tsx scripts/size-report.ts
 *   npx tsx scripts/size-report.ts "{ parseModel }"
 *   npx tsx scripts/size-report.ts "{ useHeliconeChat }" @helicone-kit/react --marginal
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const marginal = process.argv.includes('--marginal');
const [imports = '{ createChatStore, createHttpTransport }', from = '@helicone-kit/core'] = process.argv
  .slice(2)
  .filter((argument) => argument !== '--marginal');
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];

/** A module reduced to exports that do nothing, so that what only it needs falls out of the bundle. */
function emptied(file: string): string {
  const text = readFileSync(file, 'utf8');
  const declared = [...text.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/g)];
  const listed = [...text.matchAll(/export\s*\{([^}]*)\}/g)].flatMap(([, list = '']) =>
    list
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '' && !entry.startsWith('type '))
      .map((entry) => entry.split(/\s+as\s+/).pop()!),
  );
  const names = new Set([...declared.map(([, name]) => name!), ...listed]);
  return [...names].map((name) => `export const ${name} = () => {};`).join('\n');
}

async function bundle(without?: string) {
  const stub: Plugin = {
    name: 'empty-module',
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) =>
        args.path === without ? { contents: emptied(args.path), loader: 'js' } : undefined,
      );
    },
  };
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
    logLevel: without ? 'silent' : 'warning',
    plugins: [stub],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  return { code, gzip: gzipSync(code).length, inputs };
}

const whole = await bundle();
const modules = Object.entries(whole.inputs)
  .map(([file, { bytesInOutput }]) => ({
    file,
    bytes: bytesInOutput,
    saved: undefined as number | undefined,
  }))
  .filter(({ bytes }) => bytes > 0)
  .sort((left, right) => right.bytes - left.bytes);

if (marginal) {
  for (const module of modules) {
    // Index modules re-export others (`export *`): emptying them would only break the build.
    if (module.file.includes('node_modules') || module.file.endsWith('index.ts')) continue;
    const without = await bundle(path.resolve(root, module.file)).catch(() => undefined);
    module.saved = without && whole.gzip - without.gzip;
  }
}

const width = Math.max(...modules.map(({ bytes }) => String(bytes).length));
console.log(`export ${imports} from '${from}'\n`);
console.log(`${'min'.padStart(width)}  ${marginal ? 'gzip if emptied  ' : ''}module`);
for (const { file, bytes, saved } of modules) {
  const column = marginal ? `${String(saved ?? '').padStart(15)}  ` : '';
  console.log(`${String(bytes).padStart(width)}  ${column}${file.replace(/^.*node_modules\//, '')}`);
}
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB (${bytes} B)`;
console.log(`\nminified ${kilobytes(whole.code.length)}, gzip ${kilobytes(whole.gzip)}`);
