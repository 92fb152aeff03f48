import type { Formatter } from './types.js';

// XML 1.0 has no escape for most control characters (&#1; is not well-formed either): they become U+FFFD.
// eslint-disable-next-line no-control-regex
const xml = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Checkstyle XML, read by Jenkins, GitLab plugins and reviewdog. */
export const checkstyle: Formatter = (results) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    out.push(`  <file name="${xml(r.file)}">`);
    for (const f of r.findings) {
      out.push(`    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xml(f.message)}" source="stagecraft.${xml(f.ruleId)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
