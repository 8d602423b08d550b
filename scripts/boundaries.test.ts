import { readFileSync } from 'node:fs';
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
