import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importGraph, isNodeBuiltin, packageName } from './import-graph';

const packagesDir = path.resolve(import.meta.dirname, '../packages');
const source = (packageFolder: string, file: string) => path.join(packagesDir, packageFolder, 'src', file);

describe('core stays framework-neutral', () => {
  const main = importGraph(source('core', 'index.ts'));

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
    const prices = importGraph(source('core', 'prices/index.ts'));
    expect([...prices.packages.keys()]).toContain('@pydantic/genai-prices');
    for (const [specifier, importer] of prices.packages) {
      expect(isNodeBuiltin(specifier), `${importer} imports ${specifier}`).toBe(false);
      expect(packageName(specifier), `${importer} imports ${specifier}`).not.toMatch(/^(react|react-dom)$/);
    }
    const library = readFileSync(
      path.resolve(packagesDir, '../node_modules/@pydantic/genai-prices/dist/index.js'),
      'utf8',
    );
    expect(ts.preProcessFile(library, true, true).importedFiles).toEqual([]);
  });
});

describe('the route runs on edge runtimes', () => {
  it.each(['index.ts', 'next/index.ts'])('%s reaches no Node built-in and only core and zod', (entry) => {
    const graph = importGraph(source('server', entry));
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
});

describe('the React bindings', () => {
  it('reach only React, react-query and core: no Node built-in, no markup or styling library', () => {
    const graph = importGraph(source('react', 'index.ts'));
    for (const [specifier, importer] of graph.packages) {
      expect(
        ['@helicone-kit/core', '@tanstack/react-query', 'react'],
        `${importer} imports ${specifier}`,
      ).toContain(specifier);
    }
  });
});

describe('published declarations', () => {
  const built = ['core', 'server', 'gateway', 'react'].filter((folder) =>
    existsSync(path.join(packagesDir, folder, 'dist')),
  );
  // `npm test` builds every package before it tests; a bare `vitest run` may have no dist/ yet.
  it.skipIf(built.length < 4)(
    'import only what each package declares (dependencies or peerDependencies)',
    () => {
      for (const folder of built) {
        const manifest = JSON.parse(readFileSync(path.join(packagesDir, folder, 'package.json'), 'utf8')) as {
          name: string;
          dependencies?: Record<string, string>;
          peerDependencies?: Record<string, string>;
        };
        const declared = new Set([
          manifest.name,
          ...Object.keys(manifest.dependencies ?? {}),
          ...Object.keys(manifest.peerDependencies ?? {}),
        ]);
        const dist = path.join(packagesDir, folder, 'dist');
        for (const file of readdirSync(dist).filter((name) => name.endsWith('.d.ts'))) {
          const { importedFiles } = ts.preProcessFile(
            readFileSync(path.join(dist, file), 'utf8'),
            true,
            true,
          );
          for (const { fileName: specifier } of importedFiles) {
            if (specifier.startsWith('.') || isNodeBuiltin(specifier)) continue;
            expect(declared.has(packageName(specifier)), `${folder}/dist/${file} imports ${specifier}`).toBe(
              true,
            );
          }
        }
      }
    },
  );
});

describe('the walk itself', () => {
  it('follows local imports (it would see a forbidden one further down)', () => {
    const graph = importGraph(source('core', 'model-string/parse-model.ts'));
    expect(
      [...graph.files].map((file) => path.relative(path.join(packagesDir, 'core', 'src'), file)),
    ).toContain(path.join('errors', 'model-string-error.ts'));
  });

  it('sees Node built-ins where they are (the node adapter)', () => {
    const graph = importGraph(source('server', 'node/index.ts'));
    expect([...graph.packages.keys()]).toContain('node:http');
  });
});
