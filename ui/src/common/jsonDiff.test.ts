import { describe, expect, it } from 'vitest';
import { diffJson } from './jsonDiff';

describe('diffJson', () => {
  it('finds nothing between equal values', () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it('names each added, removed and changed path', () => {
    expect(diffJson({ id: 1, name: 'a', tags: ['x'] }, { id: 2, tags: ['x', 'y'], 'new key': true })).toEqual([
      { path: 'id', kind: 'changed', before: 1, after: 2 },
      { path: 'name', kind: 'removed', before: 'a' },
      { path: 'tags[1]', kind: 'added', after: 'y' },
      { path: '["new key"]', kind: 'added', after: true },
    ]);
  });

  it('reports a change of type as a change of the whole value at that path', () => {
    expect(diffJson({ data: [1] }, { data: { 0: 1 } })).toEqual([
      { path: 'data', kind: 'changed', before: [1], after: { 0: 1 } },
    ]);
    expect(diffJson(1, 'one')).toEqual([{ path: '(whole value)', kind: 'changed', before: 1, after: 'one' }]);
  });
});
