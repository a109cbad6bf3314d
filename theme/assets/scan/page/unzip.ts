// Unpacking a zip file (an .xlsx workbook is one) in the browser, into what the logic reads
// (../parts.ts). The browser's DecompressionStream("deflate-raw") inflates. No browser API reads
// a zip's directory, so this does: the end record, the central directory and the local headers
// (PKWARE's APPNOTE 4.3), some forty lines. It holds to the logic's ZIP_LIMITS in the same order
// as the command line's archive/zip side (generator/scan/unzip.go); a browser test holds the two
// to the same result on the survey tools' workbooks and on damaged files and zip bombs.

import * as L from "../logic";

interface Entry {
  name: string;
  flags: number;
  method: number; // 0 stored, 8 deflate
  packed: number;
  size: number;
  offset: number; // of the local header
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

// directory reads the entries, or says why it cannot.
function directory(b: Uint8Array): Entry[] | "damaged" | "entries" {
  let end = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return "damaged";
  const count = u16(b, end + 10);
  if (count > L.ZIP_LIMITS.entries) return "entries";
  const names = new TextDecoder();
  const out: Entry[] = [];
  for (let i = 0, p = u32(b, end + 16); i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return "damaged";
    const nameLength = u16(b, p + 28);
    out.push({ name: names.decode(b.subarray(p + 46, p + 46 + nameLength)), flags: u16(b, p + 8), method: u16(b, p + 10), packed: u32(b, p + 20), size: u32(b, p + 24), offset: u32(b, p + 42) });
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

// inflate unpacks deflated data, no further than size bytes.
async function inflate(data: Uint8Array, size: number): Promise<Uint8Array | L.ZipFault> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const out = new Uint8Array(size);
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (n + value.length > size) {
        reader.cancel().catch(() => undefined);
        return "bomb";
      }
      out.set(value, n);
      n += value.length;
    }
  } catch {
    return "damaged";
  }
  return n < size ? "damaged" : out;
}

// unpack reads one part as text; budget is what may still be unpacked from the file.
async function unpack(b: Uint8Array, e: Entry, budget: number): Promise<{ text: string; fault: L.ZipFault }> {
  const fault = (f: L.ZipFault) => ({ text: "", fault: f });
  if (e.flags & 1) return fault("encrypted");
  if (e.size > budget || (e.size > L.ZIP_LIMITS.ratioFrom && e.size > e.packed * L.ZIP_LIMITS.ratio)) return fault("bomb");
  if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) return fault("damaged");
  const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const data = b.subarray(start, Math.min(b.length, start + e.packed));
  let bytes: Uint8Array | L.ZipFault;
  if (e.method === 0) bytes = e.packed === e.size && data.length === e.size ? data : "damaged";
  else if (e.method === 8) bytes = await inflate(data, e.size);
  else return fault("method");
  if (typeof bytes === "string") return fault(bytes);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), fault: "" };
  } catch {
    return fault("text");
  }
}

// unzip unpacks the parts the logic reads (L.wanted), in the directory's order, and stops at the
// first that breaks the limits or cannot be read.
export async function unzip(b: Uint8Array): Promise<L.Unzipped> {
  const out: L.Unzipped = { names: [], parts: Object.create(null), fault: "", faultPart: "" };
  const entries = directory(b);
  if (typeof entries === "string") {
    out.fault = entries;
    return out;
  }
  out.names = entries.map((e) => e.name);
  let budget = L.ZIP_LIMITS.unpacked;
  for (const e of entries) {
    if (!L.wanted(e.name)) continue;
    const part = await unpack(b, e, budget);
    if (part.fault) {
      out.fault = part.fault;
      out.faultPart = e.name;
      return out;
    }
    budget -= e.size;
    out.parts[e.name] = part.text;
  }
  return out;
}
