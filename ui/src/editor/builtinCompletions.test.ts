import { describe, expect, it } from 'vitest';
import { builtinMembersAt } from './builtinCompletions';

const labels = (before: string) => builtinMembersAt(before)?.suggestions.map((suggestion) => suggestion.label) ?? null;

describe('builtinMembersAt', () => {
  it('offers the members of a built-in namespace after its dot', () => {
    expect(labels('const body = JSON.')).toEqual(['parse', 'stringify']);
    expect(labels('  return Math.')).toContain('floor');
    expect(labels('Object.')).toContain('entries');
    expect(labels('await Promise.')).toContain('all');
  });

  it('replaces the part of the member already typed', () => {
    expect(builtinMembersAt('x = Math.flo')?.replaceLength).toBe(3);
    expect(builtinMembersAt('JSON.')?.replaceLength).toBe(0);
  });

  it('leaves other dots alone: a property named like a namespace, or a longer name', () => {
    expect(labels('payload.JSON.')).toBeNull();
    expect(labels('MyJSON.')).toBeNull();
    expect(labels('logger.')).toBeNull();
    expect(labels('JSON')).toBeNull();
  });

  it('describes each member by its full name', () => {
    expect(builtinMembersAt('JSON.')?.suggestions[0]).toEqual({
      label: 'parse',
      insertText: 'parse',
      kind: 'method',
      detail: 'JSON.parse',
    });
  });
});
