// Inflate: the DEFLATE decoder (RFC 1951) that reads the parts of an .xlsx file, synchronously, in
// the browser and in goja alike. It is held to Go's compress/flate by a differential fuzz test
// (generator/scan): on any input both give the same bytes or both refuse. The output never grows
// past the size the caller allows, so a zip bomb stops at its limit.

import { refuse } from "./problem";

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;
const FAST_BITS = 9;
const FAST_MASK = (1 << FAST_BITS) - 1;

function damaged(): never {
  return refuse("Het bestand is beschadigd: een ingepakt deel kan niet worden uitgepakt.", "the file is damaged: a compressed part cannot be unpacked");
}

// Huffman is a canonical Huffman code. fast[bits] holds (symbol << 4) | length for every code of
// at most FAST_BITS bits (0 where none starts with those bits); longer codes are found through
// count and symbol, one bit at a time, as in zlib's puff.
interface Huffman {
  fast: Int32Array;
  count: Int32Array;
  symbol: Int32Array;
  empty: boolean;
}

// huffman builds the code for the lengths, or refuses an over-subscribed or incomplete code,
// accepting, as zlib and Go do, an empty code and a single code of one bit.
function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  const count = new Int32Array(MAX_BITS + 1);
  let max = 0;
  for (let i = 0; i < n; i++) {
    count[lengths[i]]++;
    if (lengths[i] > max) max = lengths[i];
  }
  count[0] = 0;
  const h: Huffman = { fast: new Int32Array(1 << FAST_BITS), count, symbol: new Int32Array(n), empty: max === 0 };
  if (max === 0) return h;
  let code = 0;
  const next = new Int32Array(MAX_BITS + 2);
  const offs = new Int32Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) {
    code = (code + count[len - 1]) << 1;
    next[len] = code;
    offs[len + 1] = offs[len] + count[len];
  }
  let kraft = 0;
  for (let len = 1; len <= max; len++) kraft += count[len] << (max - len);
  if (kraft !== 1 << max && !(kraft === 1 && max === 1)) damaged();
  for (let s = 0; s < n; s++) {
    const len = lengths[s];
    if (len === 0) continue;
    h.symbol[offs[len]++] = s;
    const c = next[len]++;
    if (len > FAST_BITS) continue;
    let rev = 0;
    for (let k = 0; k < len; k++) rev |= ((c >> k) & 1) << (len - 1 - k);
    for (let r = rev; r < 1 << FAST_BITS; r += 1 << len) h.fast[r] = (s << 4) | len;
  }
  return h;
}

// Bits reads the stream least significant bit first.
interface Bits {
  data: Uint8Array;
  pos: number;
  end: number;
  buf: number;
  cnt: number;
}

function fill(b: Bits): void {
  while (b.cnt <= 24 && b.pos < b.end) {
    b.buf |= b.data[b.pos++] << b.cnt;
    b.cnt += 8;
  }
}

function bits(b: Bits, n: number): number {
  if (b.cnt < n) fill(b);
  if (b.cnt < n) damaged();
  const v = b.buf & ((1 << n) - 1);
  b.buf >>>= n;
  b.cnt -= n;
  return v;
}

// slowSymbol decodes a code longer than FAST_BITS (or one that does not exist).
function slowSymbol(b: Bits, h: Huffman): number {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= MAX_BITS && len <= b.cnt; len++) {
    code |= (b.buf >>> (len - 1)) & 1;
    const count = h.count[len];
    if (code - first < count) {
      b.buf >>>= len;
      b.cnt -= len;
      return h.symbol[index + code - first];
    }
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  return damaged();
}

function symbol(b: Bits, h: Huffman): number {
  if (b.cnt < MAX_BITS) fill(b);
  const e = h.fast[b.buf & FAST_MASK];
  const len = e & 15;
  if (e !== 0 && len <= b.cnt) {
    b.buf >>>= len;
    b.cnt -= len;
    return e >> 4;
  }
  return slowSymbol(b, h);
}

let fixedCodes: [Huffman, Huffman] | null = null;

function fixed(): [Huffman, Huffman] {
  if (fixedCodes) return fixedCodes;
  const l = new Int32Array(288);
  for (let i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
  const d = new Int32Array(32);
  for (let i = 0; i < 32; i++) d[i] = 5;
  fixedCodes = [huffman(l, 288), huffman(d, 32)];
  return fixedCodes;
}

// dynamic reads the code lengths of a dynamic block (RFC 1951 3.2.7).
function dynamic(b: Bits): [Huffman, Huffman] {
  const nlit = bits(b, 5) + 257;
  const ndist = bits(b, 5) + 1;
  const nclen = bits(b, 4) + 4;
  if (nlit > 286 || ndist > 30) damaged();
  const clen = new Int32Array(19);
  for (let i = 0; i < nclen; i++) clen[CLEN_ORDER[i]] = bits(b, 3);
  const ch = huffman(clen, 19);
  const lengths = new Int32Array(nlit + ndist);
  for (let i = 0; i < nlit + ndist; ) {
    const sym = symbol(b, ch);
    if (sym < 16) {
      lengths[i++] = sym;
      continue;
    }
    let rep: number;
    let value = 0;
    if (sym === 16) {
      if (i === 0) damaged();
      value = lengths[i - 1];
      rep = 3 + bits(b, 2);
    } else rep = sym === 17 ? 3 + bits(b, 3) : 11 + bits(b, 7);
    if (i + rep > nlit + ndist) damaged();
    while (rep-- > 0) lengths[i++] = value;
  }
  if (lengths[256] === 0) damaged();
  return [huffman(lengths.subarray(0, nlit), nlit), huffman(lengths.subarray(nlit), ndist)];
}

function stored(b: Bits, out: Uint8Array, at: number): number {
  b.buf >>>= b.cnt & 7;
  b.cnt -= b.cnt & 7;
  const len = bits(b, 16);
  const nlen = bits(b, 16);
  if (len !== (~nlen & 0xffff)) damaged();
  // The bit buffer holds whole bytes now; give them back to the input.
  b.pos -= b.cnt >> 3;
  b.buf = 0;
  b.cnt = 0;
  if (b.pos + len > b.end) damaged();
  if (at + len > out.length) tooLarge();
  out.set(b.data.subarray(b.pos, b.pos + len), at);
  b.pos += len;
  return at + len;
}

function tooLarge(): never {
  throw new TooLarge();
}

// TooLarge is thrown when the output would pass its limit; the zip reader says why to the reader.
export class TooLarge {}

// codes decodes one block's literals and matches into out from at; it returns the new end. The
// bit buffer lives in local variables here, the decoder's hot loop: goja makes every property
// access and call a map lookup.
function codes(b: Bits, lit: Huffman, dist: Huffman, out: Uint8Array, at: number): number {
  const data = b.data;
  const end = b.end;
  const limit = out.length;
  const lfast = lit.fast;
  const dfast = dist.fast;
  let buf = b.buf;
  let cnt = b.cnt;
  let pos = b.pos;
  for (;;) {
    if (cnt < 16 && pos + 1 < end) (buf |= (data[pos] | (data[pos + 1] << 8)) << cnt), (cnt += 16), (pos += 2);
    while (cnt <= 24 && pos < end) (buf |= data[pos++] << cnt), (cnt += 8);
    let e = lfast[buf & FAST_MASK];
    let sym: number;
    if (e !== 0 && (e & 15) <= cnt) (buf >>>= e & 15), (cnt -= e & 15), (sym = e >> 4);
    else (b.buf = buf), (b.cnt = cnt), (b.pos = pos), (sym = slowSymbol(b, lit)), (buf = b.buf), (cnt = b.cnt), (pos = b.pos);
    if (sym < 256) {
      if (at >= limit) tooLarge();
      out[at++] = sym;
      continue;
    }
    if (sym === 256) break;
    sym -= 257;
    if (sym >= 29) damaged();
    let extra = LENGTH_EXTRA[sym];
    while (cnt <= 24 && pos < end) (buf |= data[pos++] << cnt), (cnt += 8);
    if (cnt < extra) damaged();
    const len = LENGTH_BASE[sym] + (buf & ((1 << extra) - 1));
    (buf >>>= extra), (cnt -= extra);
    while (cnt <= 24 && pos < end) (buf |= data[pos++] << cnt), (cnt += 8);
    e = dfast[buf & FAST_MASK];
    if (e !== 0 && (e & 15) <= cnt) (buf >>>= e & 15), (cnt -= e & 15), (sym = e >> 4);
    else (b.buf = buf), (b.cnt = cnt), (b.pos = pos), (sym = slowSymbol(b, dist)), (buf = b.buf), (cnt = b.cnt), (pos = b.pos);
    if (sym >= 30) damaged();
    extra = DIST_EXTRA[sym];
    while (cnt <= 24 && pos < end) (buf |= data[pos++] << cnt), (cnt += 8);
    if (cnt < extra) damaged();
    const d = DIST_BASE[sym] + (buf & ((1 << extra) - 1));
    (buf >>>= extra), (cnt -= extra);
    if (d > at) damaged();
    if (at + len > limit) tooLarge();
    at = copyMatch(out, at, d, len);
  }
  b.buf = buf;
  b.cnt = cnt;
  b.pos = pos;
  return at;
}

// copyMatch copies len bytes from d back. Overlapping copies (d < len) repeat the last d bytes;
// copying in runs of d keeps the work per byte in native code, also in goja.
function copyMatch(out: Uint8Array, at: number, d: number, len: number): number {
  if (len <= 16) {
    for (let k = 0; k < len; k++) out[at + k] = out[at + k - d];
    return at + len;
  }
  let done = 0;
  while (done < len) {
    const run = Math.min(d + done, len - done);
    out.copyWithin(at + done, at - d, at - d + run);
    done += run;
  }
  return at + len;
}

// inflateRaw decodes a raw DEFLATE stream from data[start:end] into a buffer of at most limit
// bytes and returns the bytes written. It refuses damaged data (a Refusal) and stops with
// TooLarge when the output would pass the limit.
export function inflateRaw(data: Uint8Array, start: number, end: number, limit: number): Uint8Array {
  const out = new Uint8Array(limit);
  const b: Bits = { data, pos: start, end, buf: 0, cnt: 0 };
  let at = 0;
  for (;;) {
    const last = bits(b, 1);
    const type = bits(b, 2);
    if (type === 0) at = stored(b, out, at);
    else if (type === 1) at = codes(b, fixed()[0], fixed()[1], out, at);
    else if (type === 2) {
      const [lit, dist] = dynamic(b);
      at = codes(b, lit, dist, out, at);
    } else damaged();
    if (last) return out.subarray(0, at);
  }
}
