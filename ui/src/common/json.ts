// JSON values as the UI handles them, and parsing user-typed JSON into a value or a message saying what is wrong.

/**
 * A JSON value. The generated bindings type objects as `Partial<…>` (values may be `undefined`); JSON that crossed
 * the wire never holds `undefined`, so the UI works with this exact form.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ParsedJson = { ok: true; value: JsonValue } | { ok: false; message: string };

/** Parses `text` as JSON; empty text is `null`, so an empty input box means "no input". */
export function parseJsonInput(text: string): ParsedJson {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This is not valid JSON: ${detail}` };
  }
}

export function formatJson(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
