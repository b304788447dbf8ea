import { describe, expect, it } from 'vitest';
import { readableBody } from './exchange';

describe('readableBody', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(readableBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(readableBody('<html>')).toBe('<html>');
  });
});
