import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineProject, type TestProjectInlineConfiguration } from 'vitest/config';

/** Workspace packages resolve each other's `src` through this export condition. */
export const sourceCondition = '@helicone-kit/source';

type ProjectOptions = {
  name: string;
  environment?: 'node' | 'jsdom';
  include?: string[];
  test?: TestProjectInlineConfiguration['test'];
};

export function workspaceProject({ name, environment = 'node', include, test }: ProjectOptions) {
  const conditions = environment === 'node' ? defaultServerConditions : defaultClientConditions;
  return defineProject({
    resolve: { conditions: [sourceCondition, ...conditions] },
    ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
    test: {
      name,
      environment,
      include: include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      ...test,
    },
  });
}
