/** `$NAME` / `${NAME}` / `${NAME:-default}` substitution, as the builder applies it to ARG/ENV values. */

export type Lookup = (name: string) => string | undefined;

export interface Substitution {
  value: string;
  /** Names referenced that had no value (and no default in the expression). */
  unresolved: string[];
  /** Every name referenced, in order. */
  referenced: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Replaces variable references in `text`; unknown names expand to '' and are listed in `unresolved`. */
export function substitute(text: string, lookup: Lookup, escape = '\\'): Substitution {
  const unresolved: string[] = [];
  const referenced: string[] = [];
  let out = '';
  let i = 0;
  let inSingle = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === escape && i + 1 < text.length && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c === "'") inSingle = !inSingle;
    if (c !== '$' || inSingle) {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = findClose(text, i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      const m = NAME.exec(inner);
      if (!m) {
        out += text.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      const name = m[0];
      referenced.push(name);
      const rest = inner.slice(name.length);
      const value = lookup(name);
      const op = /^(:?[-+?])/.exec(rest);
      if (op) {
        const word = substitute(rest.slice(op[1]!.length), lookup, escape);
        referenced.push(...word.referenced);
        const colon = op[1]!.startsWith(':');
        const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
        const kind = op[1]!.slice(-1);
        if (kind === '-') {
          if (isSet) out += value;
          else {
            out += word.value;
            unresolved.push(...word.unresolved);
          }
        } else if (kind === '+') {
          if (isSet) {
            out += word.value;
            unresolved.push(...word.unresolved);
          }
        } else {
          if (isSet) out += value;
          else unresolved.push(name);
        }
      } else {
        if (value === undefined) unresolved.push(name);
        out += value ?? '';
      }
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) {
      out += c;
      i++;
      continue;
    }
    const name = m[0];
    referenced.push(name);
    const value = lookup(name);
    if (value === undefined) unresolved.push(name);
    out += value ?? '';
    i += 1 + name.length;
  }
  return { value: out, unresolved, referenced };
}

function findClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Names referenced in `text` (`$A`, `${B:-x}`), without resolving anything. */
export function referencedNames(text: string, escape = '\\'): string[] {
  return substitute(text, () => undefined, escape).referenced;
}

/** Removes one level of matching quotes: `"a b"` -> `a b`, `'x'` -> `x`. */
export function unquote(value: string): string {
  if (value.length >= 2) {
    const q = value[0];
    if ((q === '"' || q === "'") && value[value.length - 1] === q) {
      const inner = value.slice(1, -1);
      return q === '"' ? inner.replace(/\\(["\\$])/g, '$1') : inner;
    }
  }
  return value;
}

/** Parses `k=v k2="v 2"` (or the legacy `k v`) into pairs, as ENV/ARG/LABEL read them. */
export function parseKeyValues(args: string): { key: string; value: string | undefined; legacy: boolean }[] {
  const words = splitWords(args);
  if (words.length === 0) return [];
  if (!words[0]!.includes('=')) {
    // `ENV key value with spaces` (legacy form): everything after the first word is the value.
    // A bare `ARG NAME` is one word without a value.
    const key = words[0]!;
    const rest = args.trim().slice(key.length).trim();
    return [{ key, value: rest === '' ? undefined : unquote(rest), legacy: rest !== '' }];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq < 0) return { key: w, value: undefined, legacy: false };
    return { key: unquote(w.slice(0, eq)), value: unquote(w.slice(eq + 1)), legacy: false };
  });
}

/** Splits on whitespace outside single/double quotes; quotes are kept in the words. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      cur += c;
      has = true;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
      has = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      if (has) words.push(cur);
      cur = '';
      has = false;
      continue;
    }
    cur += c;
    has = true;
  }
  if (has) words.push(cur);
  return words;
}
