import type { Provider } from '../provider.js';
import { detectGo, type GoFacts } from './detect.js';
import { planGo } from './plan.js';

/** Go modules: go.mod at the root of the folder. */
export const goProvider: Provider<GoFacts> = {
  name: 'go',
  detect: detectGo,
  plan: planGo,
};
