// A mapping: what a reader said about a form the scan did not recognise by itself. Per column
// heading the determinant it asks about (or "" for "niet gebruiken"), per answer word the point on
// the scale, per coded group value its name. A mapping belongs to the exact set of headings it was
// made for, which it keeps as a fingerprint: on a file with other headings the page asks again,
// and `kennisbank scan --mapping FILE` refuses it. The page keeps it in the browser for the next
// file of the same form and saves it as a file.

import { Answer, Family, normalizeAnswer } from "./answers";
import { headingRows } from "./columns";
import { Grid } from "./grid";
import { fields, parseJSON, strings } from "./json";
import { findDeterminant, fold, KnowledgeBase, table } from "./kb";

export const MAPPING_FORMAT = "kennisbank-implementatiescan-koppeling";

export interface Mapping {
  fingerprint: string; // of the headings it was made for (headingsFingerprint); "" when written by hand
  headings: string[]; // those headings, sorted, to say which differ
  columns: Record<string, string>; // heading as in the file → determinant id, or "" (not used)
  answers: Record<Family, Record<string, Answer>>; // answer as in the file → answer code
  groups: Record<string, Record<string, string>>; // group column's heading → coded value → name
}

export function emptyMapping(): Mapping {
  return { fingerprint: "", headings: [], columns: table({}), answers: { eens5: table({}), janeeweetniet: table({}) }, groups: table({}) };
}

// headingsOf lists a sheet's headings: the cells of its heading rows (Qualtrics' export tags and
// question texts), trimmed, sorted, each once.
export function headingsOf(sheet: Grid): string[] {
  const rows = sheet.rows.slice(0, headingRows(sheet.rows) === 3 ? 2 : 1);
  const seen = table<boolean>({});
  const out: string[] = [];
  for (const row of rows) {
    for (const cell of row) {
      const h = cell.trim();
      if (h === "" || seen[h]) continue;
      seen[h] = true;
      out.push(h);
    }
  }
  return out.sort();
}

// headingsFingerprint is a short, stable mark of the exact set of headings: their count and a
// 53-bit hash (cyrb53, a few lines that run alike in every engine) of the sorted list.
export function headingsFingerprint(headings: string[]): string {
  const text = headings.join("\n");
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${headings.length}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)}`;
}

// forSheet marks the mapping as made for the sheet's headings.
export function forSheet(m: Mapping, sheet: Grid): Mapping {
  const headings = headingsOf(sheet);
  return { fingerprint: headingsFingerprint(headings), headings, columns: m.columns, answers: m.answers, groups: m.groups };
}

// Fit says how a mapping belongs to a sheet: made for exactly its headings, for other headings,
// or written by hand without a fingerprint (it then applies by heading).
export type Fit = "fits" | "differs" | "unmarked";

export function mappingFit(m: Mapping, sheet: Grid): Fit {
  if (m.fingerprint === "") return "unmarked";
  return m.fingerprint === headingsFingerprint(headingsOf(sheet)) ? "fits" : "differs";
}

// headingsDiffer says which headings a mapping knows that the sheet lacks, and the other way.
export function headingsDiffer(m: Mapping, sheet: Grid): { missing: string[]; added: string[] } {
  const now = headingsOf(sheet);
  return { missing: m.headings.filter((h) => now.indexOf(h) < 0), added: now.filter((h) => m.headings.indexOf(h) < 0) };
}

// Lookup finds mapped columns and answers the way the scan compares texts: case, spacing and
// punctuation do not count.
export interface Lookup {
  column(heading: string): string | undefined;
  answer(fam: Family, value: string): Answer | undefined;
  group(heading: string, value: string): string | undefined; // a coded group value's name
}

export function lookup(m: Mapping): Lookup {
  const cols: Record<string, string> = table({});
  for (const h of Object.keys(m.columns)) if (fold(h) !== "") cols[fold(h)] = m.columns[h];
  const ans: Record<string, Record<string, Answer>> = { eens5: table({}), janeeweetniet: table({}) };
  for (const f of ["eens5", "janeeweetniet"] as Family[]) {
    for (const w of Object.keys(m.answers[f])) ans[f][answerKey(w)] = m.answers[f][w];
  }
  const groups: Record<string, Record<string, string>> = table({});
  for (const h of Object.keys(m.groups)) {
    groups[fold(h)] = table({});
    for (const v of Object.keys(m.groups[h])) groups[fold(h)][v.trim()] = m.groups[h][v];
  }
  return {
    column: (heading) => (fold(heading) === "" ? undefined : cols[fold(heading)]),
    answer: (fam, value) => ans[fam][answerKey(value)],
    group: (heading, value) => (groups[fold(heading)] ? groups[fold(heading)][value] : undefined),
  };
}

// answerKey compares answers without case, spacing or curly quotes.
export function answerKey(v: string): string {
  return v
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"');
}

// merge lays the newer mapping over the older one; the newer one's fingerprint counts.
export function merge(older: Mapping, newer: Mapping): Mapping {
  const out = emptyMapping();
  for (const m of [older, newer]) {
    for (const h of Object.keys(m.columns)) out.columns[h] = m.columns[h];
    for (const f of ["eens5", "janeeweetniet"] as Family[]) for (const w of Object.keys(m.answers[f])) out.answers[f][w] = m.answers[f][w];
    for (const h of Object.keys(m.groups)) {
      if (!out.groups[h]) out.groups[h] = table({});
      for (const v of Object.keys(m.groups[h])) out.groups[h][v] = m.groups[h][v];
    }
  }
  out.fingerprint = newer.fingerprint || older.fingerprint;
  out.headings = newer.fingerprint ? newer.headings : older.headings;
  return out;
}

export function mappingJSON(m: Mapping): string {
  return JSON.stringify({ format: MAPPING_FORMAT, version: 2, fingerprint: m.fingerprint, headings: m.headings, columns: m.columns, answers: m.answers, groups: m.groups }, null, 2);
}

export type ParsedMapping = { ok: true; value: Mapping } | { ok: false; message: string; message_en: string };

// parseMapping reads a mapping file. Determinants may be given by number or id, answers by code
// or by the words the scan knows ("mee eens"); everything else is refused with its key.
export function parseMapping(kb: KnowledgeBase, text: string): ParsedMapping {
  const bad = (nl: string, en: string): ParsedMapping => ({ ok: false, message: `Deze koppeling kan de scan niet lezen: ${nl}.`, message_en: `the mapping cannot be read: ${en}` });
  const parsed = parseJSON(text);
  if (parsed === undefined) return bad("het is geen geldig JSON-bestand", "it is not valid JSON");
  const doc = fields(parsed);
  if (doc.format !== MAPPING_FORMAT) return bad(`er staat niet "format": "${MAPPING_FORMAT}" in`, `it has no "format": "${MAPPING_FORMAT}"`);
  const m = emptyMapping();
  const cols = fields(doc.columns);
  for (const h of Object.keys(cols)) {
    const v = cols[h];
    if (v === "" || v === null) m.columns[h] = "";
    else {
      const d = typeof v === "string" || typeof v === "number" ? findDeterminant(kb, String(v)) : null;
      if (!d) return bad(`bij kolom "${h}" staat "${String(v)}", en dat is geen determinant`, `column "${h}": "${String(v)}" is no determinant (give its number or id, or "" for not used)`);
      m.columns[h] = d.id;
    }
  }
  const answers = fields(doc.answers);
  for (const f of ["eens5", "janeeweetniet"] as Family[]) {
    const words = fields(answers[f]);
    for (const w of Object.keys(words)) {
      const code = normalizeAnswer(f, words[w]);
      if (code === null) return bad(`bij antwoord "${w}" staat "${String(words[w])}", en dat past niet op de schaal ${f}`, `answer "${w}": "${String(words[w])}" is not on the scale ${f}`);
      m.answers[f][w] = code;
    }
  }
  const groups = fields(doc.groups);
  for (const h of Object.keys(groups)) {
    const names = fields(groups[h]);
    m.groups[h] = table({});
    for (const v of Object.keys(names)) if (typeof names[v] === "string" && String(names[v]).trim() !== "") m.groups[h][v] = String(names[v]).trim().slice(0, 60);
  }
  if (typeof doc.fingerprint === "string") m.fingerprint = doc.fingerprint;
  m.headings = strings(doc.headings);
  return { ok: true, value: m };
}
