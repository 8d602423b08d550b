import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject({
  name: 'react',
  environment: 'jsdom',
  include: ['src/**/*.ui.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
});
