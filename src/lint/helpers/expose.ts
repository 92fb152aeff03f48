import { resolveAt, type Dockerfile, type Instruction } from '../../dockerfile/index.js';

export interface ExposedPort {
  raw: string;
  /** Resolved text (variables substituted when possible). */
  value: string;
  port: string;
  proto: string | undefined;
  unresolved: boolean;
}

/** The ports of an EXPOSE (`80`, `8080/tcp`, `3000-3005/udp`). */
export function exposedPorts(df: Dockerfile, i: Instruction): ExposedPort[] {
  return i.words.map((raw) => {
    const r = resolveAt(df, i, raw.replace(/^["']|["']$/g, ''));
    const [port, proto] = r.value.split('/');
    return { raw, value: r.value, port: port!, proto, unresolved: r.unresolved.length > 0 || r.value.includes('$') };
  });
}
