import { inheritedInstructions, rootImageStage } from '../../dockerfile/index.js';
import { installs } from '../helpers/packages.js';
import { defineRule } from '../rule.js';
import { isAlpine } from '../helpers/images.js';
import { dependencyInstalls } from '../helpers/installs.js';

/** npm packages that compile or download a native binary (glibc builds by default). */
const NATIVE = ['bcrypt', 'canvas', 'sqlite3', 'better-sqlite3', 'argon2', 'node-sass', 'grpc', 're2', 'leveldown', 'node-pty', 'zeromq', 'libxmljs', 'libxmljs2', 'farmhash', 'kerberos', 'microtime', 'usb', 'serialport', 'oracledb', 'ibm_db', 'cpu-features', 'deasync', 'fibers'];

export default defineRule<{ modules: string[]; base: string }>({
  id: 'alpine-native-modules',
  severity: 'warning',
  description: 'Node.js packages with native code need build tools and musl-compatible binaries on Alpine: prefer a Debian slim base, or add the build toolchain in a build stage.',
  message: (d) => `${d.base} is Alpine (musl) and package.json depends on native modules (${d.modules.join(', ')}): prebuilt binaries are for glibc, so npm compiles them, which needs python3, make and g++ installed first (apk add --no-cache python3 make g++), or use node:<version>-slim`,
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
      // A stage that installs a compiler first builds the modules for musl: that works.
      const before = inheritedInstructions(ctx.df, stage).filter((x) => x.keyword === 'RUN' && (x.stageIndex !== i.stageIndex || x.index <= i.index));
      const packages = before.flatMap((x) => installs(x, 'apk').flatMap((c) => c.packages));
      if (packages.some((p) => /^(build-base|g\+\+|gcc)([=~<>].*)?$/.test(p))) return;
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
