import { describe, expect, it } from 'vitest';
import triggerTemplate from '../../../crates/workspace/templates/code-block-trigger.js?raw';
import actionTemplate from '../../../crates/workspace/templates/code-block.js?raw';
import syntaxErrorLine3 from '../../../tests/e2e/fixtures/syntax-error-line-3.js?raw';
import { syntaxProblems } from './syntaxCheck';

describe('syntaxProblems', () => {
  it('finds nothing wrong in the block templates', () => {
    expect(syntaxProblems(actionTemplate)).toEqual([]);
    expect(syntaxProblems(triggerTemplate)).toEqual([]);
  });

  it('marks a missing expression on its line and column', () => {
    const problems = syntaxProblems(syntaxErrorLine3);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, column: 18 });
    expect(problems[0]?.message).toMatch(/unexpected token/i);
    expect(problems[0]?.message).not.toMatch(/\(\d+:\d+\)/);
  });

  it('accepts what the engine accepts: a top-level return, sloppy-mode code', () => {
    expect(syntaxProblems('return 1;')).toEqual([]);
    expect(syntaxProblems('with (Math) { x = PI; }')).toEqual([]);
  });

  it('rejects what the engine rejects: module syntax, a top-level await', () => {
    expect(syntaxProblems('export const x = 1;')).not.toEqual([]);
    expect(syntaxProblems('await fetch("x");')).not.toEqual([]);
  });

  it('reports several recoverable errors in one pass', () => {
    const problems = syntaxProblems('const a = 1;\nconst a = 2;\nlet b; let b;');
    expect(problems.map((problem) => problem.line)).toEqual([2, 3]);
  });

  it('reports an unclosed block at the end of the text', () => {
    const problems = syntaxProblems('function f() {\n  return 1;\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
  });
});
