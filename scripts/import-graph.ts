/** Walks a package's source import graph, for the tests that keep entries free of React or Node built-ins. */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = {
  /** Every local source file reached. */
  files: Set<string>;
  /** Every bare specifier reached, with the first file (relative to `root`) that imports it. */
  packages: Map<string, string>;
};

/** Every module reachable from `entry` through static and dynamic imports: local files and bare packages. */
export function importGraph(entry: string, root = path.dirname(entry)): ImportGraph {
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
        const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((candidate) =>
          existsSync(candidate),
        );
        if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
        queue.push(resolved);
      } else if (!packages.has(specifier)) {
        packages.set(specifier, path.relative(root, file));
      }
    }
  }
  return { files, packages };
}

export const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
