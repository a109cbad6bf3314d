// A mapping: what a reader said about a form the scan did not recognise by itself. Per column
// heading the determinant it asks about (or "" for "niet gebruiken"), per answer word the point on
// the scale. The page keeps it in the browser for the next file of the same form and saves it as
// a file; `kennisbank scan --mapping FILE` reads that file.

import { Answer, Family, normalizeAnswer } from "./answers";
import { fields, parseJSON } from "./json";
import { findDeterminant, fold, KnowledgeBase, table } from "./kb";

export const MAPPING_FORMAT = "kennisbank-implementatiescan-koppeling";

export interface Mapping {
  columns: Record<string, string>; // heading as in the file → determinant id, or "" (not used)
  answers: Record<Family, Record<string, Answer>>; // answer as in the file → answer code
}

export function emptyMapping(): Mapping {
  return { columns: table({}), answers: { eens5: table({}), janeeweetniet: table({}) } };
}

// Lookup finds mapped columns and answers the way the scan compares texts: case, spacing and
// punctuation do not count.
export interface Lookup {
  column(heading: string): string | undefined;
  answer(fam: Family, value: string): Answer | undefined;
}

export function lookup(m: Mapping): Lookup {
  const cols: Record<string, string> = table({});
  for (const h of Object.keys(m.columns)) if (fold(h) !== "") cols[fold(h)] = m.columns[h];
  const ans: Record<string, Record<string, Answer>> = { eens5: table({}), janeeweetniet: table({}) };
  for (const f of ["eens5", "janeeweetniet"] as Family[]) {
    for (const w of Object.keys(m.answers[f])) ans[f][answerKey(w)] = m.answers[f][w];
  }
  return {
    column: (heading) => (fold(heading) === "" ? undefined : cols[fold(heading)]),
    answer: (fam, value) => ans[fam][answerKey(value)],
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

// merge lays the newer mapping over the older one.
export function merge(older: Mapping, newer: Mapping): Mapping {
  const out = emptyMapping();
  for (const m of [older, newer]) {
    for (const h of Object.keys(m.columns)) out.columns[h] = m.columns[h];
    for (const f of ["eens5", "janeeweetniet"] as Family[]) for (const w of Object.keys(m.answers[f])) out.answers[f][w] = m.answers[f][w];
  }
  return out;
}

export function mappingJSON(m: Mapping): string {
  return JSON.stringify({ format: MAPPING_FORMAT, version: 1, columns: m.columns, answers: m.answers }, null, 2);
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
  return { ok: true, value: m };
}
