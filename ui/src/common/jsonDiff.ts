// What differs between two JSON values, path by path: how two runs' results compare.
import type { JsonValue } from './backend';
import { isJsonObject } from './json';

export type JsonChange =
  | { path: string; kind: 'added'; after: JsonValue }
  | { path: string; kind: 'removed'; before: JsonValue }
  | { path: string; kind: 'changed'; before: JsonValue; after: JsonValue };

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;
}

/** The changes that turn `before` into `after`, in document order; empty when they are equal. */
export function diffJson(before: JsonValue, after: JsonValue, path = ''): JsonChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index += 1) {
      const here = childPath(path, index);
      if (index >= after.length) changes.push({ path: here, kind: 'removed', before: before[index] ?? null });
      else if (index >= before.length) changes.push({ path: here, kind: 'added', after: after[index] ?? null });
      else changes.push(...diffJson(before[index] ?? null, after[index] ?? null, here));
    }
    return changes;
  }
  if (isJsonObject(before) && isJsonObject(after)) {
    const changes: JsonChange[] = [];
    for (const [key, value] of Object.entries(before)) {
      const here = childPath(path, key);
      if (!(key in after)) changes.push({ path: here, kind: 'removed', before: value });
      else changes.push(...diffJson(value, after[key] ?? null, here));
    }
    for (const [key, value] of Object.entries(after)) {
      if (!(key in before)) changes.push({ path: childPath(path, key), kind: 'added', after: value });
    }
    return changes;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path === '' ? '(whole value)' : path, kind: 'changed', before, after }];
}
