import { rootImageStage } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';
import { isAlpine } from '../helpers/images.js';
import { dependencyInstalls } from '../helpers/installs.js';

/** npm packages that compile or download a native binary (glibc builds by default). */
const NATIVE = ['bcrypt', 'canvas', 'sqlite3', 'better-sqlite3', 'argon2', 'node-sass', 'grpc', 're2', 'leveldown', 'node-pty', 'zeromq', 'libxmljs', 'libxmljs2', 'farmhash', 'kerberos', 'microtime', 'usb', 'serialport', 'oracledb', 'ibm_db', 'cpu-features', 'deasync', 'fibers'];

export default defineRule<{ modules: string[]; base: string }>({
  id: 'alpine-native-modules',
  severity: 'warning',
  description: 'Node.js packages with native code need build tools and musl-compatible binaries on Alpine: prefer a Debian slim base, or add the build toolchain in a build stage.',
  message: (d) => `${d.base} is Alpine (musl) and package.json depends on native modules (${d.modules.join(', ')}): prebuilt binaries are for glibc, so npm compiles them (python3, make, g++ needed) or they fail at run time; use node:<version>-slim`,
  aliases: [],
  scope: 'all',
  preset: 'recommended',
  needsContext: true,
  create: (ctx) => ({
    RUN(i, stage) {
      if (!stage) return;
      const base = rootImageStage(ctx.df, stage).resolvedBase;
      if (!isAlpine(base)) return;
      if (!dependencyInstalls(i).some((d) => d.ecosystem === 'node')) return;
      const text = ctx.buildContext!.readText('package.json');
      if (!text) return;
      let pkg: { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      try {
        pkg = JSON.parse(text);
      } catch {
        return;
      }
      const deps = { ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.devDependencies };
      const modules = NATIVE.filter((m) => m in deps);
      if (modules.length > 0) ctx.report({ at: i, data: { modules, base } });
    },
  }),
});
