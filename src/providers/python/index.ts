import type { Provider } from '../provider.js';
import { detectPython, type PythonFacts } from './detect.js';
import { planPython } from './plan.js';

/** Python projects: uv, Poetry, Pipenv, pip (requirements.txt) or a plain pyproject.toml/setup.py. */
export const pythonProvider: Provider<PythonFacts> = {
  name: 'python',
  detect: detectPython,
  plan: planPython,
};
