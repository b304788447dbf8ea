// The inspector's reading of a recorded token exchange (its type comes from Rust through the bindings).
/** A JSON body indented for reading; any other body as it came. */
export function readableBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
