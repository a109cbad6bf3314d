// CSV as spreadsheets and form tools write it: comma, semicolon (Dutch Excel) or tab (pasted from
// a spreadsheet, Excel's "Unicode text"), RFC 4180 quotes, CRLF, LF or CR line ends.

import { Grid, HEADING_ROWS, LIMITS, tooManyColumns, tooManyRows } from "./grid";
import { fail, problemAt, Refusal, Result } from "./problem";

// detectSeparator picks the separator of the heading line: tab, semicolon or comma, whichever
// occurs most outside quotes (within the first 64 kB: no heading line is longer).
function detectSeparator(text: string): string {
  const counts: Record<string, number> = { "\t": 0, ";": 0, ",": 0 };
  let quoted = false;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  let best = ",";
  for (const s of ["\t", ";"]) if (counts[s] > counts[best]) best = s;
  return best;
}

function blank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== "") return false;
  return true;
}

// Records collects the records, leaving out blank ones, within the scan's limits.
class Records implements Grid {
  rows: string[][] = [];
  rowNumbers: number[] = [];
  seen = 0; // records so far, blank ones included

  add(cells: string[]): void {
    this.seen++;
    if (blank(cells)) return;
    if (cells.length > LIMITS.columns) tooManyColumns();
    if (this.rows.length >= LIMITS.rows + HEADING_ROWS) tooManyRows();
    this.rows.push(cells);
    this.rowNumbers.push(this.seen);
  }
}

// splitCSV splits text into rows of fields. Blank lines are left out; rowNumbers count them, as
// a spreadsheet shows the rows. A byte order mark is skipped.
export function splitCSV(text: string): Result<Grid> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = detectSeparator(text);
  const out = new Records();
  try {
    if (text.indexOf('"') < 0) splitPlain(text, sep, out);
    else {
      const p = splitQuoted(text, sep, out);
      if (p) return fail(p);
    }
  } catch (e) {
    if (e instanceof Refusal) return fail(problemAt(0, 0, "", "", e.nl, e.en));
    throw e;
  }
  return { ok: true, value: { rows: out.rows, rowNumbers: out.rowNumbers } };
}

// splitPlain splits text without quotes: the engine's own split is much faster than walking
// every character.
function splitPlain(text: string, sep: string, out: Records): void {
  const lines = (text.indexOf("\r") < 0 ? text : text.split("\r\n").join("\n").split("\r").join("\n")).split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (let i = 0; i < lines.length; i++) out.add(lines[i].split(sep));
}

// Next finds the next place of a character, remembering it until the reader passes it: each
// indexOf then runs over the text once, not once per field.
class Next {
  private at: Record<string, number> = {};

  constructor(private text: string) {}

  of(ch: string, from: number): number {
    let p = this.at[ch];
    if (p === undefined || (p >= 0 && p < from)) {
      p = this.text.indexOf(ch, from);
      this.at[ch] = p < 0 ? this.text.length : p;
      p = this.at[ch];
    }
    return p;
  }
}

// splitQuoted reads text with quotes; it returns the problem of a quote that does not close or
// of text after a closing quote. Unquoted values are sliced out whole, never built up character
// by character (goja copies a string on every +=).
function splitQuoted(text: string, sep: string, out: Records) {
  const next = new Next(text);
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      const q = quoted(text, i + 1);
      if (q.end < 0 || (q.end < n && text[q.end] !== sep && text[q.end] !== "\n" && text[q.end] !== "\r")) {
        return quoteProblem(out, row.length + 1, q.end < 0);
      }
      field = q.value;
      i = q.end;
    } else {
      const stop = Math.min(next.of(sep, i), next.of("\n", i), next.of("\r", i));
      field = text.slice(i, stop);
      i = stop;
    }
    row.push(field);
    if (i >= n) break;
    if (text[i] === sep) {
      i++;
      continue;
    }
    out.add(row);
    row = [];
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    if (i >= n) return null;
  }
  out.add(row);
  return null;
}

// quoted reads a quoted value from just after its opening quote; end is just after the closing
// quote, or -1 when there is none.
function quoted(text: string, i: number): { value: string; end: number } {
  let value = "";
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return { value, end: -1 };
    value += text.slice(i, q);
    if (text[q + 1] !== '"') return { value, end: q + 1 };
    value += '"';
    i = q + 2;
  }
}

function quoteProblem(out: Records, column: number, unclosed: boolean) {
  const at = out.seen + 1;
  return unclosed
    ? problemAt(at, column, "", "", 'hier begint een waarde met een aanhalingsteken (") dat nergens wordt gesloten.', 'a value starts with a quote (") that is never closed')
    : problemAt(at, column, "", "", 'na het sluitende aanhalingsteken staat nog tekst. Zet de hele waarde tussen aanhalingstekens en schrijf een aanhalingsteken in de tekst dubbel ("").', 'text after the closing quote; quote the whole value and double any quote inside it ("")');
}
