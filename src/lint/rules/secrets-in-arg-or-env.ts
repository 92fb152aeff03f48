import { parseKeyValues, type Instruction } from '../../dockerfile/index.js';
import { defineRule } from '../rule.js';

// BuildKit's SecretsUsedInArgOrEnv word list: a name is split into words; one secret word flags it.
const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
const ALLOW_WORDS = new Set(['public']);

// A last word that names where or what the secret is, not the secret: POSTGRES_PASSWORD_FILE (the
// pattern the official images recommend), GPG_KEY_ID, TOKEN_URL, AUTH_TYPE, SECRET_NAME.
const REFERENCE_WORDS = new Set(['file', 'path', 'dir', 'url', 'uri', 'endpoint', 'id', 'name', 'type', 'mode', 'method', 'provider', 'location', 'enabled', 'disabled']);

export function looksSecret(name: string): boolean {
  const words = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((w) => ALLOW_WORDS.has(w))) return false;
  // AWS_ACCESS_KEY_ID is half of a credential pair, not a reference.
  if (words.length > 1 && REFERENCE_WORDS.has(words[words.length - 1]!) && !/access_?key_?id/.test(words.join('_'))) return false;
  return words.some((w) => SECRET_WORDS.has(w)) || /api_?key|access_?key|private_?key/.test(name.toLowerCase());
}

/** A flag (SECRET_KEY_BASE_DUMMY=1, SKIP_AUTH=false) or a path to a mounted secret is no secret itself. */
function notASecretValue(value: string): boolean {
  const v = value.replace(/^(["'])(.*)\1$/, '$2').trim().toLowerCase();
  return /^(true|false|yes|no|on|off|0|1)$/.test(v) || v.startsWith('/run/secrets/');
}

export default defineRule<{ keyword: string; name: string }>({
  id: 'secrets-in-arg-or-env',
  severity: 'warning',
  description: 'ARG and ENV must not carry secrets: ENV values are stored in the image config, and build-arg values in the image history.',
  message: (d) => `${d.keyword} ${d.name} looks like a secret: ${d.keyword === 'ENV' ? 'ENV values are readable in the image config' : 'build-arg values end up in the image history'}; use RUN --mount=type=secret`,
  aliases: ['SecretsUsedInArgOrEnv', 'DL3064', 'DS-0031'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => {
    const check = (i: Instruction): void => {
      for (const kv of parseKeyValues(i.args)) {
        if (kv.value !== undefined && notASecretValue(kv.value)) continue;
        if (looksSecret(kv.key)) return ctx.report({ at: i, data: { keyword: i.keyword, name: kv.key } });
      }
    };
    return { ARG: check, ENV: check };
  },
});
