// A team's answers from a sheet: which column asks which determinant, what every answer means,
// and which columns can split the team into groups. What the scan cannot tell by itself (an
// unknown column, an unknown answer word, two columns for one determinant) comes back for the
// reader to map; nothing is guessed.

import { allowedEN, allowedNL, Answer, family, Family, normalizeAnswer } from "./answers";
import { headingRows, How, isMetadata, questions, recognise } from "./columns";
import { Answers } from "./tally";
import { LIMITS, rowsProblem } from "./grid";
import { Determinant, fold, KnowledgeBase, ordered, table } from "./kb";
import { emptyMapping, lookup, Lookup, Mapping } from "./mapping";
import { columnLetter, Problem, problemAt } from "./problem";
import { Notice, Sheet } from "./sheet";

export interface Column {
  index: number; // 0-based
  letter: string; // as a spreadsheet names it: A, B, …
  heading: string; // the heading as in the file; "" when the column has none
  text: string; // the question text under it, in a Qualtrics export
  determinant: string; // the determinant's id, "" when none
  how: How;
  metadata: boolean; // a survey tool's own column: ID, time, e-mail, name
  skipped: boolean; // the mapping says: not used
  filled: boolean; // some respondent has a value in it
  answers: boolean; // not recognised, but its values look like answers to a question of the scan
}

// An answer the scan does not know, for the reader to place on the scale.
export interface UnknownAnswer {
  family: Family;
  value: string; // as in the file
  count: number;
  row: number; // where it first occurs
  column: number; // 1-based
  header: string;
  determinant: number; // the number of the determinant where it first occurs
}

// GroupColumn is a column that splits the team into groups: role, team, location.
export interface GroupColumn {
  heading: string;
  values: string[]; // per respondent, coded values by the names the mapping gives them
  codes: string[]; // the column's values when they are codes (A1, A2; 1, 2), for the reader to name
}

export interface Team {
  columns: Column[];
  headingRows: number;
  respondents: number;
  answers: Answers; // complete only when ready
  groupColumns: GroupColumn[];
  ignored: string[]; // headings of the columns that are not used
  missing: string[]; // determinant ids without a column
  unknownAnswers: UnknownAnswer[];
  problems: Problem[]; // what keeps the answers from being read, for the mapping step
  notices: Notice[];
  ready: boolean; // every column and answer is understood: the answers can be scored
  reviewAdvised: boolean; // determinants are missing while unrecognised columns hold answers
}

// readTeam reads the sheet with the mapping. Problems that no mapping can solve (a row with more
// values than headings, no rows of answers, too many respondents) come back as errors instead.
export function readTeam(kb: KnowledgeBase, sheet: Sheet, mapping: Mapping = emptyMapping()): { ok: true; value: Team } | { ok: false; problems: Problem[] } {
  const heads = headingRows(sheet.rows);
  const width = sheet.rows.length ? sheet.rows[0].length : 0;
  const errors: Problem[] = [];
  const body = bodyRows(sheet, heads, width, errors);
  if (errors.length) return { ok: false, problems: errors };
  const look = lookup(mapping);
  const cols = columnsOf(kb, sheet, heads, look);
  for (const c of cols) c.filled = body.rows.some((r) => r[c.index].trim() !== "");
  for (const c of cols) if (!c.determinant && !c.metadata && !c.skipped && c.filled) c.answers = looksLikeAnswers(body.rows, c.index);
  const detCols = cols.filter((c) => c.determinant !== "").map((c) => c.index);
  const keep = body.rows.map((r) => {
    for (const c of detCols) if (r[c].trim() !== "") return true;
    return false;
  });
  const rows = body.rows.filter((_r, i) => keep[i]);
  const rowNumbers = body.rowNumbers.filter((_n, i) => keep[i]);
  if (rows.length > LIMITS.rows) return { ok: false, problems: [rowsProblem()] };
  const problems = columnProblems(kb, cols, heads);
  const groupColumns = groupsOf(cols, rows, look);
  const unknown = translate(kb, cols, rows, rowNumbers, look).sort((a, b) => a.row - b.row || a.column - b.column);
  const present = table<boolean>({});
  for (const c of cols) if (c.determinant) present[c.determinant] = true;
  const missing = ordered(kb).filter((d) => !present[d.id]).map((d) => d.id);
  const notices = sheet.notices.slice();
  if (rows.length > 0 && rows.length < body.rows.length) notices.push(droppedNotice(body.rows.length - rows.length));
  const ready = problems.length === 0 && unknown.length === 0;
  return {
    ok: true,
    value: {
      columns: cols,
      headingRows: heads,
      respondents: rows.length,
      answers: { columns: cols.map((c) => c.determinant), rows },
      groupColumns,
      ignored: cols.filter((c) => !c.determinant && (c.heading !== "" || c.filled)).map((c) => c.heading || `kolom ${c.letter} (zonder kop)`),
      missing,
      unknownAnswers: unknown,
      problems,
      notices,
      ready,
      reviewAdvised: missing.length > 0 && cols.some((c) => c.answers),
    },
  };
}

// looksLikeAnswers tells whether most of a column's values are answers on one of the scales, or
// codes such as 0, 1 and 9: then it may hold a question of the scan that its heading does not
// name.
function looksLikeAnswers(rows: string[][], index: number): boolean {
  const seen = table<boolean>({});
  let values = 0;
  let answers = 0;
  for (const r of rows) {
    const v = r[index].trim();
    if (v === "" || seen[v]) continue;
    seen[v] = true;
    values++;
    if (/^[0-9]{1,2}$/.test(v) || normalizeAnswer("eens5", v) !== null || normalizeAnswer("janeeweetniet", v) !== null) answers++;
    if (values >= 50) break;
  }
  return values > 0 && answers >= 0.8 * values;
}

// mappingMatters tells whether a mapping has anything to say about a sheet: a heading it names,
// an answer the scan does not know by itself that it places, or a coded group value it names.
export function mappingMatters(kb: KnowledgeBase, sheet: Sheet, m: Mapping): boolean {
  const look = lookup(m);
  const headings = sheet.rows[0] || [];
  if (headings.some((h) => look.column(h) !== undefined || Object.keys(m.groups).some((g) => fold(g) === fold(h) && fold(h) !== ""))) return true;
  const plain = readTeam(kb, sheet);
  return plain.ok && plain.value.unknownAnswers.some((u) => look.answer(u.family, u.value) !== undefined);
}

function droppedNotice(n: number): Notice {
  return {
    message: `${n === 1 ? "1 rij heeft" : `${n} rijen hebben`} geen antwoord op de vragen van de scan. Die ${n === 1 ? "telt" : "tellen"} niet mee.`,
    message_en: `${n} row(s) without an answer to the scan's questions left out`,
  };
}

// bodyRows pads the rows below the headings to the heading's width. A row with a value past the
// last heading is an error: a separator too many, or a heading missing.
function bodyRows(sheet: Sheet, heads: number, width: number, errors: Problem[]): { rows: string[][]; rowNumbers: number[] } {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  if (sheet.rows.length === 0) {
    errors.push(problemAt(0, 0, "", "", "Het bestand is leeg.", "the file is empty"));
    return { rows, rowNumbers };
  }
  for (let r = heads; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    for (let c = width; c < cells.length; c++) {
      if (cells[c].trim() === "") continue;
      errors.push(problemAt(sheet.rowNumbers[r], c + 1, "", cells[c].trim(), `deze rij heeft meer waarden dan de eerste rij kolomkoppen heeft (${width}). Staat er een scheidingsteken te veel, of mist er een kolomkop?`, `this row has more values than the heading row has headings (${width})`));
      break;
    }
    const row = cells.slice(0, width); // a copy: the sheet stays as it was, to be read again with another mapping
    while (row.length < width) row.push("");
    rows.push(row);
    rowNumbers.push(sheet.rowNumbers[r]);
  }
  if (errors.length === 0 && rows.length === 0) {
    errors.push(problemAt(sheet.rowNumbers[heads - 1] + 1, 0, "", "", "onder de kolomkoppen staan geen rijen met antwoorden.", "no rows with answers below the headings"));
  }
  return { rows, rowNumbers };
}

function columnsOf(kb: KnowledgeBase, sheet: Sheet, heads: number, look: Lookup): Column[] {
  const q = questions(kb);
  const head = sheet.rows[0];
  return head.map((raw, i) => {
    const heading = raw.trim();
    const text = heads === 3 ? (sheet.rows[1][i] || "").trim() : "";
    const col: Column = { index: i, letter: columnLetter(i + 1), heading, text, determinant: "", how: "", metadata: false, skipped: false, filled: false, answers: false };
    const mapped = look.column(heading);
    if (mapped !== undefined) {
      col.determinant = mapped;
      col.how = "koppeling";
      col.skipped = mapped === "";
      return col;
    }
    const m = recognise(kb, q, heading, text);
    if (m) {
      col.determinant = m.determinant.id;
      col.how = m.how;
    } else col.metadata = isMetadata(heading) || isMetadata(text);
    return col;
  });
}

// columnProblems finds what only the reader can settle: two columns for one determinant, or no
// column for any determinant.
function columnProblems(kb: KnowledgeBase, cols: Column[], heads: number): Problem[] {
  const out: Problem[] = [];
  const first: Record<string, Column> = table({});
  const dets: Record<string, Determinant> = table({});
  for (const d of kb.determinants) dets[d.id] = d;
  for (const c of cols) {
    if (!c.determinant) continue;
    const d = dets[c.determinant];
    const f = first[c.determinant];
    if (!f) {
      first[c.determinant] = c;
      continue;
    }
    out.push(problemAt(1, c.index + 1, c.heading, c.heading, `determinant ${d.number} (${d.title}) staat ook al in kolom ${f.letter}. Geef elke determinant één kolom.`, `determinant ${d.number} (${d.id}) is also in column ${f.index + 1}; give every determinant one column`));
  }
  if (Object.keys(first).length === 0) {
    out.push(problemAt(heads === 3 ? 2 : 1, 0, "", "", "de scan herkent in geen enkele kolomkop een vraag van de scan: niet het nummer (1 tot en met 29), niet de id en niet de tekst van de vraag. Geef bij elke kolom met antwoorden aan welke vraag erin staat.", "no column heading is the number (1–29), id or question text of a determinant"));
  }
  return out;
}

// The most groups a column may split a team into.
export const MAX_GROUPS = 20;

// A measure (FTE, hours, a score) is numbers, some with decimals; coded groups are whole numbers.
const DECIMAL = /^-?[0-9]*[.,][0-9]+$/;
const NUMBER = /^-?[0-9]+(?:[.,][0-9]+)?$/;
// A code: a number of one to three digits after at most three letters (A1, T2, 3), or a letter.
const CODE = /^[A-Za-z]{0,3}[0-9]{1,3}$|^[A-Za-z]$/;

// groupValues returns the values (one per respondent) in the order they first occur when they are
// few and repeated, as a role, team or location is: 2 to MAX_GROUPS values, fewer than the
// respondents, on average two or more people per value and at most a fifth of the values held by
// one person alone; no value longer than a name; not a measure. Free text (comments) and numbers
// (FTE, age) are not; for them it returns null.
export function groupValues(values: string[]): string[] | null {
  const n = table<number>({});
  const distinct: string[] = [];
  let given = 0;
  for (const v of values) {
    if (v === "") continue;
    if (v.length > 60) return null;
    given++;
    if (n[v] === undefined) {
      n[v] = 0;
      distinct.push(v);
    }
    n[v]++;
  }
  const d = distinct.length;
  if (d < 2 || d > MAX_GROUPS || d >= values.length || given < 2 * d) return null;
  if (distinct.every((v) => NUMBER.test(v)) && distinct.some((v) => DECIMAL.test(v))) return null;
  return distinct.filter((v) => n[v] === 1).length <= Math.max(1, Math.floor(d / 5)) ? distinct : null;
}

// groupsOf lists the columns that split the respondents into groups: not a determinant, not a
// survey tool's own column, with few, repeated values. Coded values take the names the mapping
// gives them.
function groupsOf(cols: Column[], rows: string[][], look: Lookup): GroupColumn[] {
  const out: GroupColumn[] = [];
  for (const c of cols) {
    if (c.determinant || c.metadata || c.heading === "") continue;
    const raw = rows.map((r) => r[c.index].trim());
    const distinct = groupValues(raw);
    if (!distinct) continue;
    const codes = distinct.every((v) => CODE.test(v)) ? distinct.sort() : [];
    const values = codes.length ? raw.map((v) => (v === "" ? v : look.group(c.heading, v) || v)) : raw;
    out.push({ heading: c.heading, values, codes });
  }
  return out;
}

// translate replaces every cell of a determinant column by its answer code and collects the
// answers it does not know. It goes column by column, with what a cell needs looked up once per
// column and each distinct value translated once: this runs for every cell of a team file, and
// goja (the command line's engine) is much slower than a browser. Other columns' cells become "".
function translate(kb: KnowledgeBase, cols: Column[], rows: string[][], rowNumbers: number[], look: Lookup): UnknownAnswer[] {
  const dets: Record<string, Determinant> = table({});
  for (const d of kb.determinants) dets[d.id] = d;
  const unknown: Record<string, UnknownAnswer> = table({});
  const order: UnknownAnswer[] = [];
  const n = rows.length;
  for (const c of cols) {
    const ci = c.index;
    const d = c.determinant ? dets[c.determinant] : undefined;
    if (!d) {
      for (let i = 0; i < n; i++) rows[i][ci] = "";
      continue;
    }
    const fam = family(d.scale);
    const seen: Record<string, Answer | null> = table<Answer | null>({ "": "" });
    for (let i = 0; i < n; i++) {
      const cell = rows[i][ci];
      let a = seen[cell];
      if (a === undefined) a = seen[cell] = answerOf(fam, d.scale, cell, look);
      if (a === null) {
        note(unknown, order, fam, cell.trim(), rowNumbers[i], c, d);
        a = "";
      }
      rows[i][ci] = a;
    }
  }
  return order;
}

function answerOf(fam: Family, scale: string, cell: string, look: Lookup): Answer | null {
  const mapped = look.answer(fam, cell);
  return mapped !== undefined ? mapped : normalizeAnswer(scale, cell);
}

function note(unknown: Record<string, UnknownAnswer>, order: UnknownAnswer[], fam: Family, value: string, row: number, c: Column, d: Determinant): void {
  const key = fam + "\u0000" + value.toLowerCase();
  const u = unknown[key];
  if (u) {
    u.count++;
    return;
  }
  const nu: UnknownAnswer = { family: fam, value, count: 1, row, column: c.index + 1, header: c.heading, determinant: d.number };
  unknown[key] = nu;
  order.push(nu);
}

// unknownProblem says what is wrong with an unknown answer, where it first occurs.
export function unknownProblem(kb: KnowledgeBase, u: UnknownAnswer): Problem {
  const d = kb.determinants.filter((x) => x.number === u.determinant)[0];
  const times = u.count > 1 ? ` (${u.count} keer)` : "";
  const timesEN = u.count > 1 ? ` (${u.count} times)` : "";
  return problemAt(u.row, u.column, u.header, u.value, `"${u.value}"${times} is geen antwoord op de vraag van determinant ${d.number} (${d.title}). Gebruik ${allowedNL(d.scale)}, nvt, of laat het vak leeg; of koppel het antwoord aan een punt op de schaal.`, `"${u.value}"${timesEN} is no answer on the scale of determinant ${d.number} (${d.scale}); use ${allowedEN(d.scale)}, nvt, or leave it empty; or map it in a mapping file`);
}
