import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(import.meta.dirname, '..');

/** Every module reachable from `entry` through static and dynamic imports: local files and bare packages. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Map<string, string>(); // specifier -> first importer
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) {
        const base = path.resolve(path.dirname(file), specifier);
        const resolved = [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) =>
          existsSync(candidate),
        );
        if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
        queue.push(resolved);
      } else if (!packages.has(specifier)) {
        packages.set(specifier, path.relative(srcDir, file));
      }
    }
  }
  return { files, packages };
}

const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

describe('core stays framework-neutral', () => {
  const main = importGraph(path.join(srcDir, 'index.ts'));

  it('the main entry reaches neither React nor a Node built-in', () => {
    for (const [specifier, importer] of main.packages) {
      expect(isNodeBuiltin(specifier), `${importer} imports ${specifier}`).toBe(false);
      expect(packageName(specifier), `${importer} imports ${specifier}`).not.toMatch(/^(react|react-dom)$/);
    }
  });

  it('the main entry depends on eventsource-parser and zustand only (no schema library, no price table)', () => {
    const allowed = new Set(['eventsource-parser', 'zustand']);
    for (const [specifier, importer] of main.packages) {
      expect(allowed.has(packageName(specifier)), `${importer} imports ${specifier}`).toBe(true);
    }
    expect([...main.files].some((file) => file.includes(`${path.sep}prices${path.sep}`))).toBe(false);
  });

  it('the prices entry reaches neither React nor a Node built-in, and its price library imports nothing', () => {
    const prices = importGraph(path.join(srcDir, 'prices', 'index.ts'));
    expect([...prices.packages.keys()]).toContain('@pydantic/genai-prices');
    for (const [specifier, importer] of prices.packages) {
      expect(isNodeBuiltin(specifier), `${importer} imports ${specifier}`).toBe(false);
      expect(packageName(specifier), `${importer} imports ${specifier}`).not.toMatch(/^(react|react-dom)$/);
    }
    const library = readFileSync(
      path.resolve(srcDir, '../../../node_modules/@pydantic/genai-prices/dist/index.js'),
      'utf8',
    );
    expect(ts.preProcessFile(library, true, true).importedFiles).toEqual([]);
  });

  it('the walk itself finds imports (it would see a forbidden one)', () => {
    const graph = importGraph(path.join(srcDir, 'model-string', 'parse-model.ts'));
    expect([...graph.files].map((file) => path.relative(srcDir, file))).toContain(
      path.join('errors', 'model-string-error.ts'),
    );
  });
});
