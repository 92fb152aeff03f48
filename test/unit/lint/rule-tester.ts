// A RuleTester in the typescript-eslint shape: tables of valid and invalid code for one rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/lint/linter.js';
import { fixText } from '../../../src/lint/fix.js';
import { memoryBuildContext } from '../../../src/lint/context.js';
import { ruleById } from '../../../src/lint/registry.js';
import type { AnyRule, RuleSettings } from '../../../src/lint/rule.js';

export interface CaseOptions {
  /** Files of the build context (`.dockerignore`, `package.json`...); the context is unknown when absent. */
  context?: Record<string, string>;
  target?: string;
  settings?: Partial<RuleSettings>;
  /** Other rules to run alongside (ids): for rules about suppressions, which need findings to suppress. */
  also?: string[];
}

export type ValidCase = string | ({ code: string } & CaseOptions);

export interface InvalidCase extends CaseOptions {
  code: string;
  /** One entry per expected finding of this rule, in order. */
  errors: { line: number; message?: string | RegExp; column?: number }[];
  /** The text after `--fix`, when the rule fixes this case. */
  output?: string;
}

function run(rule: AnyRule, code: string, o: CaseOptions) {
  const options = {
    rules: [rule, ...(o.also ?? []).map((id) => ruleById(id)!)],
    severities: new Map([[rule.id, rule.severity], ...(o.also ?? []).map((id) => [id, ruleById(id)!.severity] as [string, AnyRule['severity']])]),
    target: o.target,
    settings: o.settings,
    buildContext: o.context ? memoryBuildContext(o.context) : undefined,
  };
  return { findings: lintText(code, 'Dockerfile', options).findings.filter((f) => f.ruleId === rule.id), options };
}

export function ruleTester(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  cases.valid.forEach((c, n) => {
    const v = typeof c === 'string' ? { code: c } : c;
    test(`${rule.id}: valid #${n + 1}`, () => {
      const { findings } = run(rule, v.code, v);
      assert.deepEqual(findings.map((f) => `${f.line}: ${f.message}`), [], `expected no finding for:\n${v.code}`);
    });
  });
  cases.invalid.forEach((c, n) => {
    test(`${rule.id}: invalid #${n + 1}`, () => {
      const { findings, options } = run(rule, c.code, c);
      assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${findings.map((f) => `${f.line}: ${f.message}`).join('\n')}\nfor:\n${c.code}`);
      c.errors.forEach((e, k) => {
        const f = findings[k]!;
        assert.equal(f.line, e.line, `finding ${k + 1}: line`);
        if (e.column !== undefined) assert.equal(f.column, e.column, `finding ${k + 1}: column`);
        if (typeof e.message === 'string') assert.equal(f.message, e.message);
        else if (e.message) assert.match(f.message, e.message);
      });
      if (c.output !== undefined) {
        const fixed = fixText(c.code, 'Dockerfile', options);
        assert.equal(fixed.output, c.output);
        // Idempotent: fixing the fixed text changes nothing.
        assert.equal(fixText(fixed.output, 'Dockerfile', options).output, fixed.output);
      } else {
        assert.ok(findings.every((f) => !f.fixable), 'a fixable finding needs an `output` in the test');
      }
    });
  });
}
