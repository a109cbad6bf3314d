// Bytes to text: UTF-8 (with or without byte order mark), UTF-16 with a byte order mark (Excel's
// "Unicode text"), and Windows-1252 for what is not valid UTF-8. Dutch Excel on Windows saves
// "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252: refusing those files would stop
// most teams, while every byte has a meaning in Windows-1252 and the answers themselves are
// nearly always plain letters and digits. The reader gets a notice to check accented letters.

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

// Windows-1252's bytes 0x80–0x9F (the rest is Latin-1). The five unassigned bytes map to the C1
// control of the same number, as browsers' decoders do.
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const CHUNK = 8192;

// LEADS gives, per lead byte >> 3, the number of continuation bytes, the smallest code point such
// a sequence may carry (anything below is an overlong form) and the mask of the lead's bits.
const LEADS: Record<number, [number, number, number]> = {
  0x18: [1, 0x80, 0x1f],
  0x19: [1, 0x80, 0x1f],
  0x1a: [1, 0x80, 0x1f],
  0x1b: [1, 0x80, 0x1f],
  0x1c: [2, 0x800, 0x0f],
  0x1d: [2, 0x800, 0x0f],
  0x1e: [3, 0x10000, 0x07],
};

// Units collects UTF-16 code units and turns them into a string a chunk at a time: one native
// call per chunk instead of one string per character.
class Units {
  private buf = new Uint16Array(CHUNK);
  private n = 0;
  private parts: string[] = [];

  push(u: number): void {
    if (this.n === CHUNK) this.flush();
    this.buf[this.n++] = u;
  }

  flush(): void {
    if (this.n === 0) return;
    this.parts.push(String.fromCharCode.apply(null, Array.prototype.slice.call(this.buf, 0, this.n) as number[]));
    this.n = 0;
  }

  text(): string {
    this.flush();
    return this.parts.join("");
  }
}

// ascii tells whether a chunk holds only ASCII, and asciiText makes it a string: native calls,
// so that plain text costs no work per byte in the script (goja runs such loops slowly).
function ascii(chunk: Uint8Array): boolean {
  return chunk.length === 0 || (Math.max.apply(null, chunk as unknown as number[]) as number) < 0x80;
}

function asciiText(chunk: Uint8Array): string {
  return String.fromCharCode.apply(null, chunk as unknown as number[]);
}

// decodeBytes reads the bytes as text. It never fails: what is not UTF-8 is Windows-1252.
export function decodeBytes(b: Uint8Array): Decoded {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: utf16(b, 2, true), encoding: "utf-16le" };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: utf16(b, 2, false), encoding: "utf-16be" };
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const text = utf8(b, start);
  if (text !== null) return { text, encoding: "utf-8" };
  return { text: windows1252(b), encoding: "windows-1252" };
}

// The platform's decoder, where there is one (browsers; goja has none). With fatal set it decodes
// exactly what utf8Script does: strict UTF-8, refusing the same bytes (the WHATWG Encoding
// standard's decoder), so both engines read the same text; a browser test holds the two together.
interface PlatformDecoder {
  decode(b: Uint8Array): string;
}
declare const TextDecoder: { new (label: string, options: { fatal: boolean; ignoreBOM: boolean }): PlatformDecoder } | undefined;
const platform: PlatformDecoder | null = typeof TextDecoder === "function" ? new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }) : null;

// utf8 decodes strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), or
// returns null when the bytes are not UTF-8.
export function utf8(b: Uint8Array, start: number): string | null {
  if (!platform) return utf8Script(b, start);
  try {
    return platform.decode(b.subarray(start));
  } catch (e) {
    return null;
  }
}

// utf8Script is utf8 in the script itself. Chunks of plain ASCII go in one piece.
export function utf8Script(b: Uint8Array, start: number): string | null {
  const parts: string[] = [];
  let i = start;
  while (i < b.length) {
    const end = Math.min(b.length, i + CHUNK);
    const chunk = b.subarray(i, end);
    if (ascii(chunk)) {
      parts.push(asciiText(chunk));
      i = end;
      continue;
    }
    const out = new Units();
    i = utf8Sequences(b, i, end, out);
    if (i < 0) return null;
    parts.push(out.text());
  }
  return parts.join("");
}

// utf8Sequences decodes the sequences that start in b[i:end] into out; it returns where the
// next one starts, or -1 at an invalid byte.
function utf8Sequences(b: Uint8Array, i: number, end: number, out: Units): number {
  const n = b.length;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) {
      out.push(c);
      i++;
      continue;
    }
    const lead = LEADS[c >> 3];
    if (lead === undefined || c < 0xc2 || c > 0xf4) return -1;
    const need = lead[0];
    let cp = c & lead[2];
    if (i + need >= n) return -1;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if ((cc & 0xc0) !== 0x80) return -1;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < lead[1] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
    if (cp >= 0x10000) {
      out.push(0xd800 + ((cp - 0x10000) >> 10));
      out.push(0xdc00 + ((cp - 0x10000) & 0x3ff));
    } else out.push(cp);
    i += need + 1;
  }
  return i;
}

function utf16(b: Uint8Array, start: number, little: boolean): string {
  const out = new Units();
  for (let i = start; i + 1 < b.length; i += 2) out.push(little ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
  return out.text();
}

function windows1252(b: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += CHUNK) {
    const chunk = b.subarray(i, Math.min(b.length, i + CHUNK));
    if (ascii(chunk)) {
      parts.push(asciiText(chunk));
      continue;
    }
    const out = new Units();
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk[k];
      out.push(c >= 0x80 && c < 0xa0 ? CP1252[c - 0x80] : c);
    }
    parts.push(out.text());
  }
  return parts.join("");
}
