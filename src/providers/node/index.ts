import type { Provider } from '../provider.js';
import { detectNode, type NodeFacts } from './detect.js';
import { planNode } from './plan.js';

/** Node.js: any folder with a package.json (Bun, earlier in the list, claims Bun projects first). */
export const nodeProvider: Provider<NodeFacts> = {
  name: 'node',
  detect: (project) => detectNode(project),
  plan: (facts, options) => planNode(facts, options),
};

export type { NodeFacts } from './detect.js';
