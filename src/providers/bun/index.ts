import type { Provider } from '../provider.js';
import { detectBun, type BunFacts } from './detect.js';
import { planBun } from './plan.js';

/** Bun projects: a bun lockfile or `packageManager: bun@...`. Checked before Node.js. */
export const bunProvider: Provider<BunFacts> = {
  name: 'bun',
  detect: detectBun,
  plan: planBun,
};
