// Reading JSON whose shape is not to be trusted (a saved scan, a mapping, an earlier result):
// every field is looked at as unknown and narrowed before use.

export type Fields = Record<string, unknown>;

export function isFields(x: unknown): x is Fields {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// parseJSON reads text (a byte order mark is skipped), or returns undefined when it is no JSON.
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return undefined;
  }
}

// fields gives an object's fields, or none when it is no object.
export function fields(x: unknown): Fields {
  return isFields(x) ? x : {};
}

export function text(x: unknown, otherwise = ""): string {
  return typeof x === "string" ? x : otherwise;
}

export function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : [];
}
