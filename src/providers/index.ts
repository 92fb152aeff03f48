import type { Provider } from './provider.js';
import { goProvider } from './go/index.js';
import { bunProvider } from './bun/index.js';
import { pythonProvider } from './python/index.js';
import { nodeProvider } from './node/index.js';

/**
 * The providers, in detection order: the first whose `detect` returns facts wins.
 * Go before the JavaScript stacks (a go.mod is unambiguous), Bun before Node (a Bun project has a
 * package.json too), Python last (a pyproject.toml or requirements.txt often sits beside other
 * stacks' tooling). `--stack` bypasses the order.
 */
export const providers: Provider<any>[] = [goProvider, bunProvider, nodeProvider, pythonProvider];

export type { Provider } from './provider.js';
