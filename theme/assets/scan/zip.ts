// Reading the parts of a zip file (an .xlsx workbook is one), with the guards against zip bombs:
// a part may not unpack to more than LIMITS.unpacked bytes in total over everything read from the
// file, nor to more than LIMITS.ratio times its packed size once it is over a megabyte, and
// unpacking stops at the size the zip's directory declares.

import { inflateRaw, TooLarge } from "./inflate";
import { refuse } from "./problem";

export const ZIP_LIMITS = {
  unpacked: 64 * 1024 * 1024, // bytes, all parts read together
  ratio: 100, // unpacked / packed, as Apache POI's default minimum inflate ratio of 0.01
  entries: 10000,
};

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflate
  flags: number;
  packed: number;
  size: number;
  offset: number; // of the local header
}

export interface Zip {
  data: Uint8Array;
  entries: Record<string, ZipEntry>;
  budget: number; // bytes that may still be unpacked
}

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

function damagedZip(): never {
  return refuse("Het bestand is beschadigd: het is een zip-bestand (zoals .xlsx) waarvan de inhoudsopgave niet klopt.", "the file is damaged: it is a zip file (as .xlsx is) whose directory does not add up");
}

// endOfDirectory finds the end-of-central-directory record in the last 64 kB.
function endOfDirectory(b: Uint8Array): number {
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return damagedZip();
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

// openZip reads the zip's directory. Part names are ASCII in every workbook; others are read
// byte for byte and simply not found.
export function openZip(b: Uint8Array): Zip {
  const eocd = endOfDirectory(b);
  const count = u16(b, eocd + 10);
  const dirOffset = u32(b, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) refuse("Dit zip-bestand is te groot voor de scan (zip64).", "this zip file is too large for the scan (zip64)");
  if (count > ZIP_LIMITS.entries) refuse(`Dit zip-bestand heeft meer dan ${ZIP_LIMITS.entries} delen. Zo ziet een werkmap er niet uit.`, `this zip file has more than ${ZIP_LIMITS.entries} parts; a workbook does not`);
  const entries: Record<string, ZipEntry> = Object.create(null);
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) damagedZip();
    const nameLen = u16(b, p + 28);
    const e: ZipEntry = {
      name: latin1(b, p + 46, Math.min(b.length, p + 46 + nameLen)),
      flags: u16(b, p + 8),
      method: u16(b, p + 10),
      packed: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
    };
    entries[e.name] = e;
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return { data: b, entries, budget: ZIP_LIMITS.unpacked };
}

export function hasEntry(z: Zip, name: string): boolean {
  return z.entries[name] !== undefined;
}

function zipBomb(name: string): never {
  return refuse(
    `Dit bestand pakt uit tot veel meer dan erin lijkt te zitten (${name}). Zo werkt een zip-bom; de scan opent het daarom niet. Bewaar de antwoorden opnieuw als .xlsx of CSV.`,
    `this file unpacks to far more than it seems to hold (${name}), as a zip bomb does; the scan does not open it. Save the answers again as .xlsx or CSV`,
  );
}

// readEntry unpacks a part, or returns null when the zip has no part of that name.
export function readEntry(z: Zip, name: string): Uint8Array | null {
  const e = z.entries[name];
  if (!e) return null;
  if (e.flags & 1) refuse("Dit bestand is versleuteld met een wachtwoord. Haal het wachtwoord eraf en bewaar het opnieuw.", "this file is encrypted with a password; remove the password and save it again");
  if (e.size > z.budget || (e.size > 1 << 20 && e.size > e.packed * ZIP_LIMITS.ratio)) zipBomb(name);
  const b = z.data;
  const lh = e.offset;
  if (lh + 30 > b.length || u32(b, lh) !== 0x04034b50) damagedZip();
  const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
  if (start + e.packed > b.length) damagedZip();
  z.budget -= e.size;
  if (e.method === 0) {
    if (e.packed !== e.size) damagedZip();
    return b.subarray(start, start + e.size);
  }
  if (e.method !== 8) refuse(`Een deel van dit bestand is ingepakt op een manier die de scan niet kent (methode ${e.method}).`, `a part of this file is compressed in a way the scan does not know (method ${e.method})`);
  let out: Uint8Array;
  try {
    out = inflateRaw(b, start, start + e.packed, e.size);
  } catch (err) {
    if (err instanceof TooLarge) zipBomb(name);
    throw err;
  }
  if (out.length !== e.size) damagedZip();
  return out;
}
