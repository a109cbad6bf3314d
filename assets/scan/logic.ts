// The implementatiescan's logic: reading answers (one respondent, a team CSV, a share link, a
// JSON file), scoring the MIDI determinants and ranking the strategies that answer the barriers.
//
// This module touches no DOM and keeps no state: every function takes the knowledge base (the
// parsed data/kennisbank.json) and returns plain data. The page (assets/scan.ts) bundles it, and
// the command line runs the very same file through goja (generator/scan), so the browser and
// `kennisbank scan` cannot disagree. Keep it to ES2017 and simple regular expressions: goja must
// run it.

export interface Link {
  strategy: string;
  strength: string; // kern | aanvullend
  source: string; // a source id
  explanation?: string;
}

export interface Determinant {
  id: string;
  number: number;
  category: string;
  title: string;
  question: string;
  scale: string; // eens5 | eens5-omgekeerd | janeeweetniet
  url: string;
  links: Link[];
}

export interface Strategy {
  id: string;
  title: string;
  url: string;
  summary?: string;
}

export interface Source {
  id: string;
  label: string;
}

export interface KnowledgeBase {
  determinants: Determinant[];
  strategies: Strategy[];
  sources: Source[];
}

// An answer code: "1"…"5" on the agree scales, "ja", "nee" or "wn" (weet niet) on the yes/no
// scale, "nvt" (niet van toepassing), or "" (not answered). "nvt" and "" are no answer: they do not
// count in the denominator.
export type Answer = string;

// One respondent's answers: determinant id → answer code. Missing keys are "".
export type Respondent = Record<string, Answer>;

// Answers holds a group's answers as a grid: rows[i][c] is respondent i's answer in column c, and
// columns[c] the id of that column's determinant ("" for a column that is no determinant; its
// cells are ""). Reading, scoring and ranking work on this grid: one object per respondent would
// cost the command line's engine (goja) a map each, and the CSV reader fills the grid in place.
export interface Answers {
  columns: string[];
  rows: Answer[][];
}

// Thresholds as fractions 0..1: a determinant is a barrier when the share of negative answers
// reaches `barrier`, a facilitator when the share of positive answers reaches `facilitator`.
export interface Thresholds {
  barrier: number;
  facilitator: number;
}

// The convention used in MIDI studies (Dugstad et al. 2020): barrier at >= 20% (totally)
// disagree, facilitator at >= 80% (totally) agree.
export const DEFAULTS: Thresholds = { barrier: 0.2, facilitator: 0.8 };

// Link weights in the ranking: a core link counts twice an additional one.
export const WEIGHTS: Record<string, number> = { kern: 1, aanvullend: 0.5 };

export const NVT = "nvt";
const EPS = 1e-9;

// table copies o into an object without a prototype, so that looking up what a person typed
// ("constructor", "__proto__") finds nothing instead of Object's own properties.
function table<T>(o: Record<string, T>): Record<string, T> {
  const t: Record<string, T> = Object.create(null);
  for (const k of Object.keys(o)) t[k] = o[k];
  return t;
}

// ---------------------------------------------------------------- scales and answers

const AGREE_WORDS: Record<string, string> = table({
  "helemaal mee oneens": "1",
  "helemaal oneens": "1",
  "mee oneens": "2",
  oneens: "2",
  neutraal: "3",
  "niet eens, niet oneens": "3",
  "niet eens en niet oneens": "3",
  "mee eens": "4",
  eens: "4",
  "helemaal mee eens": "5",
  "helemaal eens": "5",
});

const YESNO_WORDS: Record<string, string> = table({
  ja: "ja",
  j: "ja",
  nee: "nee",
  n: "nee",
  "weet niet": "wn",
  weetniet: "wn",
  wn: "wn",
});

const NVT_WORDS: Record<string, boolean> = table({
  nvt: true,
  "n.v.t.": true,
  "n.v.t": true,
  "niet van toepassing": true,
});

// answerCodes lists the answer codes of a scale, without "nvt".
export function answerCodes(scale: string): string[] {
  return scale === "janeeweetniet" ? ["ja", "nee", "wn"] : ["1", "2", "3", "4", "5"];
}

// answerLabel is how a reader sees an answer code.
export function answerLabel(code: Answer): string {
  const labels: Record<string, string> = table({
    "1": "helemaal mee oneens",
    "2": "mee oneens",
    "3": "neutraal",
    "4": "mee eens",
    "5": "helemaal mee eens",
    ja: "ja",
    nee: "nee",
    wn: "weet niet",
    nvt: "niet van toepassing",
  });
  return labels[code] || "";
}

// normalizeAnswer turns what a person typed (a CSV cell, a JSON value) into an answer code for
// the scale, or null when it is no valid answer on that scale. Case and spaces do not matter.
export function normalizeAnswer(scale: string, raw: unknown): Answer | null {
  if (raw === null || raw === undefined) return "";
  const v = String(raw).trim().toLowerCase().replace(/\s+/g, " ");
  if (v === "") return "";
  if (NVT_WORDS[v]) return NVT;
  if (scale === "janeeweetniet") return YESNO_WORDS[v] || null;
  if (scale !== "eens5" && scale !== "eens5-omgekeerd") return null;
  if (/^[1-5]$/.test(v)) return v;
  return AGREE_WORDS[v] || null;
}

// POLARITY maps, per scale, every answer code to -1 (negative, unfavourable), 1 (positive) or 0
// (an answer that is neither: neutraal, weet niet). Codes not listed are no answer. On
// "eens5-omgekeerd" items agreeing is unfavourable.
const POLARITY: Record<string, Record<string, number>> = table({
  eens5: table({ "1": -1, "2": -1, "3": 0, "4": 1, "5": 1 }),
  "eens5-omgekeerd": table({ "1": 1, "2": 1, "3": 0, "4": -1, "5": -1 }),
  janeeweetniet: table({ nee: -1, ja: 1, wn: 0 }),
});

// polarity scores one answer: -1 negative, 1 positive, 0 neither, null no answer.
export function polarity(scale: string, a: Answer | undefined): number | null {
  const pol = POLARITY[scale];
  const p = pol && a !== undefined ? pol[a] : undefined;
  return p === undefined ? null : p;
}

// ordered returns the determinants by number.
export function ordered(kb: KnowledgeBase): Determinant[] {
  return kb.determinants.slice().sort((a, b) => a.number - b.number);
}

// findDeterminant resolves a column heading or JSON key: a number (1–29, also "01") or an id.
export function findDeterminant(kb: KnowledgeBase, key: string): Determinant | null {
  const k = key.trim().toLowerCase();
  if (k === "") return null;
  for (const d of kb.determinants) {
    if (d.id.toLowerCase() === k) return d;
  }
  if (/^[0-9]{1,3}$/.test(k)) {
    const n = parseInt(k, 10);
    for (const d of kb.determinants) if (d.number === n) return d;
  }
  return null;
}

// answered counts the determinants a respondent has answered, "niet van toepassing" included.
export function answered(kb: KnowledgeBase, r: Respondent): number {
  let n = 0;
  for (const d of kb.determinants) if (r[d.id]) n++;
  return n;
}

// ---------------------------------------------------------------- CSV

export interface CSVError {
  row: number; // 1 is the heading row; 0 when it is about the whole file
  column: number; // 1-based; 0 when it is about the whole row
  header: string;
  value: string;
  message: string; // Dutch, for the page
  message_en: string; // English, for the command line
}

export interface Table {
  answers: Answers;
  columns: string[]; // determinant ids found, in column order
  ignored: string[]; // headings of the columns that are no determinant
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: CSVError };

// columnLetter names a column as a spreadsheet does: 1 → A, 27 → AA.
export function columnLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function csvError(row: number, column: number, header: string, value: string, nl: string, en: string): CSVError {
  let whereNL = row > 0 ? `Rij ${row}` : "";
  let whereEN = row > 0 ? `row ${row}` : "";
  if (column > 0) {
    const h = header ? ` (${header})` : "";
    whereNL += `, kolom ${columnLetter(column)}${h}`;
    whereEN += `, column ${column}${h}`;
  }
  return {
    row,
    column,
    header,
    value,
    message: whereNL ? `${whereNL}: ${nl}` : nl,
    message_en: whereEN ? `${whereEN}: ${en}` : en,
  };
}

// detectSeparator picks the separator of the heading line: tab (pasted from a spreadsheet),
// semicolon (Dutch Excel) or comma, whichever occurs most outside quotes.
function detectSeparator(text: string): string {
  const counts: Record<string, number> = { "\t": 0, ";": 0, ",": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  let best = ",";
  for (const s of ["\t", ";"]) if (counts[s] > counts[best]) best = s;
  return best;
}

// splitCSV splits text into records of fields (RFC 4180 quoting; CRLF, LF or CR).
export function splitCSV(text: string): Parsed<string[][]> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = detectSeparator(text);
  if (text.indexOf('"') < 0) {
    // No quotes: the engine's own split is much faster than walking every character.
    const lines = (text.indexOf("\r") < 0 ? text : text.split("\r\n").join("\n").split("\r").join("\n")).split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    const out: string[][] = [];
    for (let i = 0; i < lines.length; i++) out.push(lines[i].split(sep));
    return { ok: true, value: out };
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      const startRow = rows.length + 1;
      const startCol = row.length + 1;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) {
        return {
          ok: false,
          error: csvError(startRow, startCol, "", "", "hier begint een waarde met een aanhalingsteken (\") dat nergens wordt gesloten.", 'a value starts with a quote (") that is never closed'),
        };
      }
      if (i < n && text[i] !== sep && text[i] !== "\n" && text[i] !== "\r") {
        return {
          ok: false,
          error: csvError(startRow, startCol, "", "", `na het sluitende aanhalingsteken staat nog tekst; zet de hele waarde tussen aanhalingstekens en schrijf een aanhalingsteken in de tekst dubbel ("").`, 'text after the closing quote; quote the whole value and double any quote inside it ("")'),
        };
      }
      atFieldStart = false;
      continue;
    }
    if (c === sep) {
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, value: rows };
}

function blank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

function allowedNL(scale: string): string {
  return scale === "janeeweetniet" ? "ja, nee of weet niet (of j, n)" : "1 tot en met 5 (of de woorden, zoals mee eens)";
}

function allowedEN(scale: string): string {
  return scale === "janeeweetniet" ? "ja, nee or weet niet (or j, n)" : "1 to 5 (or the Dutch words, such as mee eens)";
}

// parseCSV reads a team's answers: one row per respondent, one column per determinant headed by
// its number or id. Other columns are ignored and listed. The first problem found is returned
// with its row and column, and then nothing of the file is used.
export function parseCSV(kb: KnowledgeBase, text: string): Parsed<Table> {
  const split = splitCSV(text);
  if (!split.ok) return split;
  const records = split.value;
  if (records.length === 0 || (records.length === 1 && blank(records[0]))) {
    return { ok: false, error: csvError(0, 0, "", "", "Het bestand is leeg.", "the file is empty") };
  }
  const head = records[0];
  const cols: (Determinant | null)[] = [];
  const seen: Record<string, number> = table({});
  const columns: string[] = [];
  for (let c = 0; c < head.length; c++) {
    const h = head[c].trim();
    const d = findDeterminant(kb, h);
    if (d && seen[d.id]) {
      return {
        ok: false,
        error: csvError(1, c + 1, h, h, `determinant ${d.number} (${d.title}) staat ook al in kolom ${columnLetter(seen[d.id])}. Geef elke determinant één kolom.`, `determinant ${d.number} (${d.id}) is also in column ${seen[d.id]}; give every determinant one column`),
      };
    }
    if (d) {
      seen[d.id] = c + 1;
      columns.push(d.id);
    }
    cols.push(d);
  }
  if (columns.length === 0) {
    return {
      ok: false,
      error: csvError(1, 0, "", "", "geen enkele kolomkop is het nummer (1 tot en met 29) of de id van een determinant. Zet in de eerste rij boven elke kolom met antwoorden het nummer van de determinant.", "no column heading is the number (1–29) or id of a determinant"),
    };
  }
  // The cells loop below runs for every cell of a team file, and goja (the command line's engine)
  // is much slower than a browser. So it goes column by column with what a cell needs looked up
  // once per column, remembers what each raw value of a column means (cells repeat: "4", "ja",
  // ""), and writes the answer over the cell: filling an existing slot is goja's fast path.
  const width = head.length;
  // First the rows with data (blank lines are no respondent), padded to the heading's width.
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  let first = null as CSVError | null; // the first problem in reading order wins
  const earlier = (e: CSVError) => {
    if (!first || e.row < first.row || (e.row === first.row && e.column < first.column)) first = e;
  };
  for (let r = 1; r < records.length; r++) {
    const cells = records[r];
    if (cells.join("").trim() === "") continue;
    for (let c = width; c < cells.length; c++) {
      if (cells[c].trim() !== "") {
        earlier(csvError(r + 1, c + 1, "", cells[c].trim(), `deze rij heeft meer waarden dan de eerste rij kolomkoppen heeft (${width}). Staat er een scheidingsteken te veel, of mist er een kolomkop?`, `this row has more values than the heading row has headings (${width})`));
        break;
      }
    }
    while (cells.length < width) cells.push("");
    if (cells.length > width) cells.length = width;
    rows.push(cells);
    rowNumbers.push(r + 1);
  }
  const n = rows.length;
  if (n === 0) {
    return { ok: false, error: csvError(2, 0, "", "", "onder de kolomkoppen staan geen rijen met antwoorden.", "no rows with answers below the headings") };
  }
  const ids: string[] = [];
  const hasData: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const d = cols[c];
    ids.push(d ? d.id : "");
    if (!d) {
      for (let i = 0; i < n; i++) {
        if (rows[i][c].trim() !== "") hasData[c] = true;
        rows[i][c] = "";
      }
      continue;
    }
    const seenCell: Record<string, Answer | null> = table<Answer | null>({ "": "" });
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const cell = row[c];
      let a = seenCell[cell];
      if (a === undefined) {
        a = seenCell[cell] = normalizeAnswer(d.scale, cell);
        if (a === null) {
          const v = cell.trim();
          earlier(csvError(rowNumbers[i], c + 1, head[c].trim(), v, `"${v}" is geen antwoord op de vraag van determinant ${d.number} (${d.title}). Gebruik ${allowedNL(d.scale)}, nvt, of laat het vak leeg.`, `"${v}" is no answer on the scale of determinant ${d.number} (${d.scale}); use ${allowedEN(d.scale)}, nvt, or leave it empty`));
          break;
        }
      }
      row[c] = a as Answer;
    }
  }
  if (first) return { ok: false, error: first };
  const ignored: string[] = [];
  for (let c = 0; c < head.length; c++) {
    if (cols[c]) continue;
    const h = head[c].trim();
    if (h !== "") ignored.push(h);
    else if (hasData[c]) ignored.push(`kolom ${columnLetter(c + 1)} (zonder kop)`);
  }
  return { ok: true, value: { answers: { columns: ids, rows }, columns, ignored } };
}

// ---------------------------------------------------------------- scoring and ranking

export interface Tally {
  id: string;
  number: number;
  title: string;
  category: string;
  scale: string;
  url: string;
  answers: number; // answers given; "niet van toepassing" and empty are not counted
  negativeCount: number;
  positiveCount: number;
  negative: number; // fraction 0..1 of answers
  positive: number;
  barrier: boolean;
  facilitator: boolean;
}

// answersOf turns respondents into a grid with one column per determinant.
export function answersOf(kb: KnowledgeBase, respondents: Respondent[]): Answers {
  const columns = ordered(kb).map((d) => d.id);
  return { columns, rows: respondents.map((r) => columns.map((id) => r[id] || "")) };
}

// respondentsOf turns a grid into one record per respondent, keys in determinant order.
export function respondentsOf(kb: KnowledgeBase, a: Answers): Respondent[] {
  const at: Record<string, number> = table({});
  a.columns.forEach((id, c) => {
    if (id) at[id] = c;
  });
  const dets = ordered(kb).filter((d) => at[d.id] !== undefined);
  return a.rows.map((row) => {
    const r: Respondent = {};
    for (const d of dets) if (row[at[d.id]]) r[d.id] = row[at[d.id]];
    return r;
  });
}

// tally scores every determinant (by number) over the respondents.
export function tally(kb: KnowledgeBase, respondents: Respondent[], t: Thresholds = DEFAULTS): Tally[] {
  return tallyAnswers(kb, answersOf(kb, respondents), t);
}

// tallyAnswers is tally on columns.
export function tallyAnswers(kb: KnowledgeBase, all: Answers, t: Thresholds = DEFAULTS): Tally[] {
  return ordered(kb).map((d) => {
    let answers = 0;
    let neg = 0;
    let pos = 0;
    const pol = POLARITY[d.scale] || table({});
    const c = all.columns.indexOf(d.id);
    const rows = c < 0 ? [] : all.rows;
    const n = rows.length;
    // An indexed loop and one table lookup: this runs for every cell of a team file.
    for (let i = 0; i < n; i++) {
      const p = pol[rows[i][c]];
      if (p === undefined) continue;
      answers++;
      if (p < 0) neg++;
      else if (p > 0) pos++;
    }
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      category: d.category,
      scale: d.scale,
      url: d.url,
      answers,
      negativeCount: neg,
      positiveCount: pos,
      negative: answers ? neg / answers : 0,
      positive: answers ? pos / answers : 0,
      barrier: answers > 0 && neg >= t.barrier * answers - EPS,
      facilitator: answers > 0 && pos >= t.facilitator * answers - EPS,
    };
  });
}

// Reason is one link through which a strategy answers a barrier.
export interface Reason {
  determinant: string;
  number: number;
  title: string;
  negative: number; // the barrier's share of negative answers
  strength: string;
  source: string;
  sourceLabel: string;
  explanation: string;
}

export interface Recommendation {
  id: string;
  title: string;
  url: string;
  summary: string;
  score: number;
  barriers: string[]; // determinant ids, in determinant order
  reasons: Reason[];
}

// rank scores every strategy linked to a barrier: per barrier it addresses, the weight of its
// strongest link to it (kern 1, aanvullend 0.5) times the barrier's share of negative answers.
// Higher scores first; ties go to the strategy that addresses more barriers, then more core links,
// then the knowledge base's order (Dutch alphabetical).
export function rank(kb: KnowledgeBase, tallies: Tally[]): Recommendation[] {
  const strategies: Record<string, { s: Strategy; index: number }> = table({});
  kb.strategies.forEach((s, index) => (strategies[s.id] = { s, index }));
  const labels: Record<string, string> = table({});
  for (const s of kb.sources) labels[s.id] = s.label;
  const dets: Record<string, Determinant> = table({});
  for (const d of kb.determinants) dets[d.id] = d;

  interface Acc {
    rec: Recommendation;
    index: number;
    weight: Record<string, number>;
    kern: number;
  }
  const acc: Record<string, Acc> = table({});
  const order: string[] = [];
  for (const t of tallies) {
    if (!t.barrier) continue;
    const d = dets[t.id];
    if (!d) continue;
    for (const l of d.links) {
      const st = strategies[l.strategy];
      if (!st) continue;
      let a = acc[l.strategy];
      if (!a) {
        a = acc[l.strategy] = {
          rec: { id: st.s.id, title: st.s.title, url: st.s.url, summary: st.s.summary || "", score: 0, barriers: [], reasons: [] },
          index: st.index,
          weight: table({}),
          kern: 0,
        };
        order.push(l.strategy);
      }
      const w = WEIGHTS[l.strength] || 0;
      if (a.weight[d.id] === undefined) {
        a.weight[d.id] = 0;
        a.rec.barriers.push(d.id);
      }
      if (w > a.weight[d.id]) a.weight[d.id] = w;
      if (l.strength === "kern") a.kern++;
      a.rec.reasons.push({
        determinant: d.id,
        number: d.number,
        title: d.title,
        negative: t.negative,
        strength: l.strength,
        source: l.source,
        sourceLabel: labels[l.source] || l.source,
        explanation: l.explanation || "",
      });
    }
  }
  const negative: Record<string, number> = table({});
  for (const t of tallies) negative[t.id] = t.negative;
  const list = order.map((id) => {
    const a = acc[id];
    let score = 0;
    for (const d of a.rec.barriers) score += a.weight[d] * negative[d];
    a.rec.score = score;
    return a;
  });
  list.sort((x, y) => {
    if (Math.abs(x.rec.score - y.rec.score) > EPS) return y.rec.score - x.rec.score;
    if (x.rec.barriers.length !== y.rec.barriers.length) return y.rec.barriers.length - x.rec.barriers.length;
    if (x.kern !== y.kern) return y.kern - x.kern;
    return x.index - y.index;
  });
  return list.map((a) => a.rec);
}

export interface Analysis {
  respondents: number;
  thresholds: Thresholds;
  tallies: Tally[];
  barriers: Tally[];
  facilitators: Tally[];
  strategies: Recommendation[];
}

// analyse scores the determinants and ranks the strategies in one go.
export function analyse(kb: KnowledgeBase, respondents: Respondent[], t: Thresholds = DEFAULTS): Analysis {
  return analyseAnswers(kb, answersOf(kb, respondents), t);
}

// analyseAnswers is analyse on columns.
export function analyseAnswers(kb: KnowledgeBase, all: Answers, t: Thresholds = DEFAULTS): Analysis {
  const tallies = tallyAnswers(kb, all, t);
  return {
    respondents: all.rows.length,
    thresholds: { barrier: t.barrier, facilitator: t.facilitator },
    tallies,
    barriers: tallies.filter((x) => x.barrier),
    facilitators: tallies.filter((x) => x.facilitator),
    strategies: rank(kb, tallies),
  };
}

function round(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
}

// Report is the summary the command line prints as JSON and the JSON export carries. Negative and
// positive are fractions 0..1 of the answers given, rounded to 4 decimals; scores to 3.
export interface Report {
  respondents: number;
  threshold: number;
  barriers: { id: string; number: number; title: string; answers: number; negative: number; positive: number }[];
  strategies: { id: string; title: string; score: number; barriers: string[] }[];
  ignored_columns: string[];
}

export function toReport(a: Analysis, ignored: string[]): Report {
  return {
    respondents: a.respondents,
    threshold: a.thresholds.barrier,
    barriers: a.barriers.map((b) => ({
      id: b.id,
      number: b.number,
      title: b.title,
      answers: b.answers,
      negative: round(b.negative, 4),
      positive: round(b.positive, 4),
    })),
    strategies: a.strategies.map((s) => ({ id: s.id, title: s.title, score: round(s.score, 3), barriers: s.barriers.slice() })),
    ignored_columns: ignored.slice(),
  };
}

// report reads a team CSV and returns the report, or the CSV's first problem. The command line
// calls this.
export function report(kb: KnowledgeBase, csv: string, barrierThreshold?: number): Parsed<Report> {
  const parsed = parseCSV(kb, csv);
  if (!parsed.ok) return parsed;
  const t = { barrier: barrierThreshold === undefined ? DEFAULTS.barrier : barrierThreshold, facilitator: DEFAULTS.facilitator };
  return { ok: true, value: toReport(analyseAnswers(kb, parsed.value.answers, t), parsed.value.ignored) };
}

// ---------------------------------------------------------------- state: share link, JSON, CSV

export interface ScanState {
  mode: "alleen" | "team";
  respondents: Respondent[];
  ignored: string[];
  thresholds: Thresholds;
  name: string; // the innovation's name, as the user typed it
  plan: string[]; // strategy ids chosen into the plan
}

export type Decoded = { ok: true; value: ScanState } | { ok: false; message: string };

const SHARE_CHARS: Record<string, string> = table({ ja: "j", nee: "n", wn: "w", nvt: "x", "": "-" });
const SHARE_CODES: Record<string, string> = table({ j: "ja", n: "nee", w: "wn", x: "nvt", "-": "" });

// encodeRow writes one respondent as one character per determinant, by number:
// 1–5, j(a), n(ee), w(eet niet), x (niet van toepassing), - (no answer).
export function encodeRow(kb: KnowledgeBase, r: Respondent): string {
  let s = "";
  for (const d of ordered(kb)) {
    const a = r[d.id] || "";
    s += SHARE_CHARS[a] !== undefined ? SHARE_CHARS[a] : a;
  }
  return s;
}

// decodeRow reads what encodeRow wrote; null when a character does not fit its determinant.
export function decodeRow(kb: KnowledgeBase, s: string): Respondent | null {
  const dets = ordered(kb);
  if (s.length !== dets.length) return null;
  const r: Respondent = {};
  for (let i = 0; i < dets.length; i++) {
    const ch = s[i];
    const code = SHARE_CODES[ch] !== undefined ? SHARE_CODES[ch] : ch;
    if (code === "") continue;
    if (code !== NVT && answerCodes(dets[i].scale).indexOf(code) < 0) return null;
    r[dets[i].id] = code;
  }
  return r;
}

function pct(x: number): string {
  return String(round(x * 100, 2));
}

function knownPlan(kb: KnowledgeBase, ids: unknown): string[] {
  if (!Array.isArray(ids)) return [];
  const known: Record<string, boolean> = table({});
  for (const s of kb.strategies) known[s.id] = true;
  const out: string[] = [];
  for (const id of ids) if (typeof id === "string" && known[id] && out.indexOf(id) < 0) out.push(id);
  return out;
}

function validThreshold(x: unknown): boolean {
  return typeof x === "number" && isFinite(x) && x > 0 && x <= 1;
}

// encodeShare writes the state into a URL fragment (without "#"). The fragment never reaches a
// server: browsers do not send it.
export function encodeShare(kb: KnowledgeBase, s: ScanState): string {
  const parts = [
    "scan=1",
    "m=" + (s.mode === "team" ? "t" : "a"),
    "r=" + s.respondents.map((r) => encodeRow(kb, r)).join("."),
    "b=" + pct(s.thresholds.barrier),
    "f=" + pct(s.thresholds.facilitator),
  ];
  if (s.plan.length) parts.push("p=" + s.plan.map(encodeURIComponent).join(","));
  if (s.name) parts.push("n=" + encodeURIComponent(s.name));
  return parts.join("&");
}

// decodeShare reads a fragment that encodeShare wrote ("#" optional).
export function decodeShare(kb: KnowledgeBase, fragment: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, message: `Deze deellink kan de scan niet lezen: ${why}. Vraag om een nieuwe link.` });
  const f = fragment.charAt(0) === "#" ? fragment.slice(1) : fragment;
  const kv: Record<string, string> = table({});
  for (const part of f.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) kv[part.slice(0, eq)] = part.slice(eq + 1);
  }
  if (kv.scan !== "1") return bad("hij is niet gemaakt met deze versie van de scan");
  const respondents: Respondent[] = [];
  const rows = kv.r ? kv.r.split(".") : [];
  for (let i = 0; i < rows.length; i++) {
    const r = decodeRow(kb, rows[i]);
    if (!r) return bad(`de antwoorden van respondent ${i + 1} kloppen niet`);
    respondents.push(r);
  }
  if (respondents.length === 0) return bad("er staan geen antwoorden in");
  const b = Number(kv.b) / 100;
  const fa = Number(kv.f) / 100;
  if (!validThreshold(b) || !validThreshold(fa)) return bad("de grenzen kloppen niet");
  let name = "";
  let plan: string[] = [];
  try {
    name = kv.n ? decodeURIComponent(kv.n) : "";
    plan = knownPlan(kb, kv.p ? kv.p.split(",").map(decodeURIComponent) : []);
  } catch (e) {
    return bad("de link is beschadigd");
  }
  const mode = kv.m === "t" ? "team" : "alleen";
  if (mode === "alleen" && respondents.length !== 1) return bad("er staan antwoorden van meer mensen in");
  return { ok: true, value: { mode, respondents, ignored: [], thresholds: { barrier: b, facilitator: fa }, name, plan } };
}

export const JSON_FORMAT = "kennisbank-implementatiescan";

// exportJSON writes the state with its result, to save or hand on. date is YYYY-MM-DD.
export function exportJSON(kb: KnowledgeBase, s: ScanState, date: string): string {
  const a = analyse(kb, s.respondents, s.thresholds);
  const doc = {
    format: JSON_FORMAT,
    version: 1,
    innovation: s.name,
    date,
    mode: s.mode,
    thresholds: { barrier: s.thresholds.barrier, facilitator: s.thresholds.facilitator },
    respondents: s.respondents.map((r) => {
      const o: Record<string, string> = {};
      for (const d of ordered(kb)) if (r[d.id]) o[d.id] = r[d.id];
      return o;
    }),
    ignored_columns: s.ignored,
    plan: s.plan,
    result: toReport(a, s.ignored),
  };
  return JSON.stringify(doc, null, 2);
}

// importJSON reads what exportJSON wrote. The result in the file is not trusted: it is computed
// again from the answers.
export function importJSON(kb: KnowledgeBase, text: string): Decoded {
  const bad = (why: string): Decoded => ({ ok: false, message: `Dit bestand kan de scan niet openen: ${why}.` });
  let doc: any;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return bad("het is geen geldig JSON-bestand");
  }
  if (!doc || typeof doc !== "object" || doc.format !== JSON_FORMAT) return bad("het is geen bestand dat met de implementatiescan is bewaard");
  if (doc.version !== 1) return bad(`het is gemaakt met een andere versie (${String(doc.version)})`);
  if (!Array.isArray(doc.respondents) || doc.respondents.length === 0) return bad("er staan geen antwoorden in");
  const respondents: Respondent[] = [];
  for (let i = 0; i < doc.respondents.length; i++) {
    const src = doc.respondents[i];
    if (!src || typeof src !== "object") return bad(`respondent ${i + 1} heeft geen antwoorden`);
    const r: Respondent = {};
    for (const key of Object.keys(src)) {
      const d = findDeterminant(kb, key);
      if (!d) return bad(`respondent ${i + 1}: "${key}" is geen determinant`);
      const a = normalizeAnswer(d.scale, src[key]);
      if (a === null) return bad(`respondent ${i + 1}: "${String(src[key])}" is geen antwoord op de vraag van determinant ${d.number}`);
      if (a !== "") r[d.id] = a;
    }
    respondents.push(r);
  }
  const t = doc.thresholds || {};
  const thresholds = {
    barrier: validThreshold(t.barrier) ? t.barrier : DEFAULTS.barrier,
    facilitator: validThreshold(t.facilitator) ? t.facilitator : DEFAULTS.facilitator,
  };
  const mode = doc.mode === "team" || respondents.length > 1 ? "team" : "alleen";
  const ignored = Array.isArray(doc.ignored_columns) ? doc.ignored_columns.filter((x: unknown) => typeof x === "string") : [];
  return {
    ok: true,
    value: { mode, respondents, ignored, thresholds, name: typeof doc.innovation === "string" ? doc.innovation : "", plan: knownPlan(kb, doc.plan) },
  };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[;"\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function csvLine(cells: (string | number)[]): string {
  return cells.map(csvCell).join(";") + "\r\n";
}

const CSV_WORDS: Record<string, string> = table({ wn: "weet niet" });

// answersCSV writes the answers as a team CSV (semicolons, as Dutch Excel): one row per
// respondent, headed by the determinant numbers, so that parseCSV reads it back. Several people's
// files can be pasted into one team file.
export function answersCSV(kb: KnowledgeBase, respondents: Respondent[]): string {
  const dets = ordered(kb);
  let out = csvLine(["respondent"].concat(dets.map((d) => String(d.number))));
  respondents.forEach((r, i) => {
    out += csvLine([String(i + 1)].concat(dets.map((d) => CSV_WORDS[r[d.id]] || r[d.id] || "")));
  });
  return out;
}

// emptyCSV is a file to fill in: the headings and one empty row.
export function emptyCSV(kb: KnowledgeBase): string {
  return answersCSV(kb, [{}]);
}

function pctText(x: number): string {
  return String(Math.round(x * 100));
}

// resultCSV writes the result: one row per determinant, an empty line, then one row per ranked
// strategy, with whether it is in the plan and which barriers it answers.
export function resultCSV(kb: KnowledgeBase, a: Analysis, plan: string[]): string {
  let out = csvLine(["nummer", "determinant", "antwoorden", "% ongunstig", "% gunstig", "uitkomst"]);
  for (const t of a.tallies) {
    const verdict = t.answers === 0 ? "geen antwoorden" : t.barrier ? "belemmerend" : t.facilitator ? "bevorderend" : "";
    out += csvLine([t.number, t.title, t.answers, t.answers ? pctText(t.negative) : "", t.answers ? pctText(t.positive) : "", verdict]);
  }
  out += "\r\n";
  out += csvLine(["plaats", "strategie", "score", "in plan", "pakt aan (belemmeringen)"]);
  a.strategies.forEach((s, i) => {
    const nums = s.barriers.map((id) => {
      const t = a.tallies.filter((x) => x.id === id)[0];
      return t ? `${t.number}. ${t.title}` : id;
    });
    out += csvLine([i + 1, s.title, round(s.score, 3).toFixed(3).replace(".", ","), plan.indexOf(s.id) >= 0 ? "ja" : "nee", nums.join(", ")]);
  });
  return out;
}
