import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../common/backend';
import {
  accessorPath,
  copiedValue,
  findMatches,
  initiallyExpanded,
  nodeId,
  pathOf,
  revealing,
  rowIndexOf,
  visibleRows,
} from './jsonTreeModel';

/** A result shaped like the large-result test's: many small objects. */
function manyOrders(count: number): JsonValue {
  return Array.from({ length: count }, (_, index) => ({ id: index, customer: { name: `customer ${index}` } }));
}

const labels = (root: JsonValue, expanded: ReadonlySet<object>) => visibleRows(root, expanded).map((row) => row.label);

describe('lazy expansion', () => {
  it('lists only the root level of a large array until a node is expanded', () => {
    const orders = manyOrders(20_000);
    const rows = visibleRows(orders, initiallyExpanded(orders));
    expect(rows).toHaveLength(20_001);
    expect(rows[0]).toMatchObject({ label: null, depth: 0, expandable: true, expanded: true });
    expect(rows[1]).toMatchObject({ label: 0, depth: 1, expandable: true, expanded: false });
  });

  it('opens the children of a small value at once, as a glance should show them', () => {
    const value = { order: { id: 7 }, tags: ['a'] };
    expect(labels(value, initiallyExpanded(value))).toEqual([null, 'order', 'id', 'tags', 0]);
  });

  it('adds an expanded node’s entries under it, in order, and only its own', () => {
    const orders = manyOrders(3) as JsonValue[];
    const expanded = new Set([orders, orders[1] as object]);
    const rows = visibleRows(orders, expanded);
    expect(rows.map(pathOf)).toEqual([[], [0], [1], [1, 'id'], [1, 'customer'], [2]]);
    expect(rows[4]).toMatchObject({ expandable: true, expanded: false, depth: 2 });
  });

  it('shows a leaf or an empty container as a single row that does not expand', () => {
    expect(visibleRows(42, initiallyExpanded(42))).toEqual([
      { parent: null, label: null, value: 42, depth: 0, expandable: false, expanded: false },
    ]);
    const empty: JsonValue[] = [];
    expect(visibleRows(empty, new Set([empty]))[0]).toMatchObject({ expandable: false, expanded: false });
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: JsonValue = 'bottom';
    const expanded = new Set<object>();
    for (let level = 0; level < 20_000; level += 1) {
      deep = [deep];
      expanded.add(deep);
    }
    const rows = visibleRows(deep, expanded);
    expect(rows).toHaveLength(20_001);
    expect(rows.at(-1)).toMatchObject({ value: 'bottom', depth: 20_000 });
    expect(findMatches(deep, 'bottom', 1)[0]).toHaveLength(20_000);
  });
});

describe('search', () => {
  it('finds keys and leaf values in collapsed parts, in row order', () => {
    const orders = manyOrders(20_000);
    expect(findMatches(orders, 'Customer 19999', 10)).toEqual([[19_999, 'customer', 'name']]);
    expect(findMatches({ total: 3, items: [{ total: 1 }] }, 'TOTAL', 10)).toEqual([['total'], ['items', 0, 'total']]);
  });

  it('matches numbers, booleans and null by their text, and stops at the limit', () => {
    expect(findMatches([true, null, 12.5], 'nul', 10)).toEqual([[1]]);
    expect(findMatches([true, null, 12.5], '2.5', 10)).toEqual([[2]]);
    expect(findMatches(manyOrders(100), 'customer', 5)).toHaveLength(5);
    expect(findMatches(manyOrders(3), '', 10)).toEqual([]);
  });

  it('reveals a match by expanding every ancestor, keeping what was open', () => {
    const orders = manyOrders(20_000);
    const match = findMatches(orders, 'customer 12345', 1)[0] ?? [];
    const rows = visibleRows(orders, revealing(orders, initiallyExpanded(orders), match));
    expect(rows.map((row) => nodeId(pathOf(row)))).toContain(nodeId(match));
    expect(rows[0]?.expanded).toBe(true);
    expect(rowIndexOf(rows, match)).toBe(12_345 + 4);
    expect(rows).toHaveLength(20_001 + 2 + 1);
  });
});

describe('copy', () => {
  it('writes a node’s path as JavaScript reads it', () => {
    expect(accessorPath('result', [])).toBe('result');
    expect(accessorPath('result', [3, 'customer', 'name'])).toBe('result[3].customer.name');
    expect(accessorPath('result', ['first name', '$ok', '2nd'])).toBe('result["first name"].$ok["2nd"]');
  });

  it('copies a string as its text and anything else as JSON', () => {
    expect(copiedValue('a "quoted" word')).toBe('a "quoted" word');
    expect(copiedValue({ id: 1 })).toBe('{\n  "id": 1\n}');
    expect(copiedValue(null)).toBe('null');
  });
});
