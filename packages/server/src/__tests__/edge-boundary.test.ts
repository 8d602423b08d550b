import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(import.meta.dirname, '..');

/** Every module reachable from `entry` through static and dynamic imports: local files and bare packages. */
function importGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Map<string, string>();
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

describe('the route runs on edge runtimes', () => {
  it.each(['index.ts', 'next/index.ts'])('%s reaches no Node built-in and only core and zod', (entry) => {
    const graph = importGraph(path.join(srcDir, entry));
    expect(graph.files.size).toBeGreaterThan(5);
    for (const [specifier, importer] of graph.packages) {
      expect(isNodeBuiltin(specifier), `${importer} imports ${specifier}`).toBe(false);
      expect(
        ['@helicone-kit/core', '@helicone-kit/core/prices', 'zod'],
        `${importer} imports ${specifier}`,
      ).toContain(specifier);
    }
    expect([...graph.files].some((file) => file.includes(`${path.sep}node${path.sep}`))).toBe(false);
  });

  it('the walk sees Node built-ins where they are (the node adapter)', () => {
    const graph = importGraph(path.join(srcDir, 'node/index.ts'));
    expect([...graph.packages.keys()]).toContain('node:http');
  });
});
