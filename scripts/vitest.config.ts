import { workspaceProject } from '../vitest.shared.ts';

export default workspaceProject({ name: 'scripts', include: ['**/*.test.ts'] });
