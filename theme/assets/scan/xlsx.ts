// Reading an .xlsx workbook (Office Open XML, ECMA-376) from the text of its parts: the worksheet
// asked for, or the first one that has data, with shared and inline strings, numbers, booleans,
// and dates (serial numbers in the 1900 or 1904 date system, shown by the cell's number format).
// Formulas count by their cached value.

import { LIMITS, Grid, HEADING_ROWS, tooManyColumns, tooManyRows } from "./grid";
import { partText, Unzipped } from "./parts";
import { refuse } from "./problem";
import { runText, startTags, unescapeXML } from "./xml";

interface Workbook {
  sheets: { name: string; path: string }[];
  date1904: boolean;
  strings: string[];
  dates: boolean[]; // per cell style (index in cellXfs): is its number format a date or time?
  anyDate: boolean; // some style is
}

// resolve a relationship target against the folder of the part that names it.
function resolve(base: string, target: string): string {
  if (target.charAt(0) === "/") return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

function relationships(z: Unzipped, part: string): { type: string; id: string; path: string }[] {
  const slash = part.lastIndexOf("/");
  const relsPath = part.slice(0, slash + 1) + "_rels/" + part.slice(slash + 1) + ".rels";
  const xml = partText(z, relsPath) || "";
  return startTags(xml, "Relationship").map((a) => ({ type: a.Type || "", id: a.Id || "", path: resolve(part, a.Target || "") }));
}

function ofType(rels: { type: string; path: string }[], suffix: string): string {
  for (const r of rels) if (r.type.slice(-suffix.length) === suffix) return r.path;
  return "";
}

// workbook reads what the sheets need: their order and paths, the date system, the shared
// strings and which cell styles are dates.
function workbook(z: Unzipped): Workbook {
  const main = ofType(relationships(z, ""), "/officeDocument") || "xl/workbook.xml";
  const xml = partText(z, main);
  if (xml === null) refuse("Dit zip-bestand is geen Excel-werkmap: er staat geen werkblad in.", "this zip file is no Excel workbook: it has no worksheet");
  const rels = relationships(z, main);
  const byID: Record<string, string> = Object.create(null);
  for (const r of rels) byID[r.id] = r.path;
  const sheets = startTags(xml, "sheet").map((a) => ({ name: a.name || "", path: byID[a.id] || "" }));
  const pr = startTags(xml, "workbookPr")[0] || {};
  const shared = ofType(rels, "/sharedStrings");
  const styles = ofType(rels, "/styles");
  const dates = styles ? dateStyles(partText(z, styles) || "") : [];
  return {
    sheets: sheets.filter((s) => s.path !== ""),
    date1904: pr.date1904 === "1" || pr.date1904 === "true",
    strings: shared ? sharedStrings(partText(z, shared) || "") : [],
    dates,
    anyDate: dates.indexOf(true) >= 0,
  };
}

const SI = /<(?:[\w.-]+:)?si\b[^>]*?(\/?)>/g;

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  SI.lastIndex = 0;
  for (let m = SI.exec(xml); m; m = SI.exec(xml)) {
    if (m[1] === "/") {
      out.push("");
      continue;
    }
    const end = xml.indexOf("si>", SI.lastIndex);
    const stop = end < 0 ? xml.length : end;
    out.push(runText(xml.slice(SI.lastIndex, stop)));
    SI.lastIndex = stop;
  }
  return out;
}

// Built-in number formats that show a date or time (ECMA-376 18.8.30, and the East Asian ones).
function builtinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom format shows a date or time when, outside quoted text, escapes and [colour] or
// [condition] sections, it has a d, m, y, h or s.
function customDate(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function dateStyles(xml: string): boolean[] {
  const custom: Record<string, boolean> = Object.create(null);
  for (const f of startTags(xml, "numFmt")) custom[f.numFmtId] = customDate(f.formatCode || "");
  const start = xml.search(/<(?:[\w.-]+:)?cellXfs\b/);
  if (start < 0) return [];
  const end = xml.indexOf("cellXfs>", start + 8);
  const xfs = startTags(xml.slice(start, end < 0 ? xml.length : end), "xf");
  return xfs.map((a) => {
    const id = a.numFmtId || "0";
    return custom[id] !== undefined ? custom[id] : builtinDate(parseInt(id, 10));
  });
}

function two(n: number): string {
  return (n < 10 ? "0" : "") + n;
}

// serialDate writes a date serial as YYYY-MM-DD, with HH:MM:SS when it has a time. In the 1900
// system serial 60 is 29 February 1900, a day that did not exist (kept from Lotus 1-2-3).
export function serialDate(serial: number, date1904: boolean): string {
  if (!date1904 && Math.floor(serial) === 60) return "1900-02-29";
  const day = 86400000;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = epoch + Math.round(serial * 86400) * 1000;
  if (!isFinite(ms) || Math.abs(serial) > 3e6) return String(serial);
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  if (ms % day === 0) return date;
  return `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

// columnIndex reads the letters of a cell reference ("AB12" → 27), 0-based; -1 when there are
// none.
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

// valueText is the text of a cell's <v> (or <x:v>) element: it comes before the closing tag,
// and formulas (<f>) cannot hold "v>" unescaped.
function valueText(content: string): string {
  let a = content.indexOf("v>");
  while (a > 0 && content.charAt(a - 1) !== "<" && content.charAt(a - 1) !== ":") a = content.indexOf("v>", a + 2);
  if (a <= 0) return "";
  const end = content.indexOf("<", a + 2);
  return content.slice(a + 2, end < 0 ? content.length : end);
}

// cellAttribute reads an attribute of a cell's start tag (r, s or t) without a regular
// expression: this runs for every cell.
function cellAttribute(tag: string, name: string): string {
  for (let i = tag.indexOf(name + "="); i >= 0; i = tag.indexOf(name + "=", i + 1)) {
    const before = tag.charCodeAt(i - 1);
    if (i > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const q = tag.charAt(i + name.length + 1);
    if (q !== '"' && q !== "'") continue;
    const end = tag.indexOf(q, i + name.length + 2);
    return end < 0 ? "" : tag.slice(i + name.length + 2, end);
  }
  return "";
}

// typed turns a cell's raw value into the text the scan reads, by the cell's type t and, for a
// number, whether the cell's style shows a date.
function typed(wb: Workbook, t: string, raw: string, style: number): string {
  raw = unescapeXML(raw);
  if (t === "s") {
    const s = wb.strings[parseInt(raw, 10)];
    return s === undefined ? "" : s;
  }
  if (t === "b") return raw === "1" ? "TRUE" : raw === "" ? "" : "FALSE";
  if (t !== "n" || raw === "") return raw;
  const num = Number(raw);
  if (!isFinite(num)) return raw;
  if (wb.dates[style]) return serialDate(num, wb.date1904);
  return String(num);
}

// cellValue reads a cell from its start tag and content.
function cellValue(wb: Workbook, tag: string, content: string): string {
  const t = cellAttribute(tag, "t") || "n";
  if (t === "inlineStr") return runText(content);
  return typed(wb, t, valueText(content), parseInt(cellAttribute(tag, "s") || "0", 10));
}

// pieces splits text at "<" + prefix + name where an element of that name starts (not where a
// longer name does, such as "<cols" for "<c"). Splitting is one native call: reading cell by
// cell with a regular expression costs goja (the command line's engine) ten times as much.
function pieces(text: string, open: string): string[] {
  const parts = text.split(open);
  const out = [parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const c = parts[i].charAt(0);
    if (c === " " || c === ">" || c === "/" || c === "\t" || c === "\n" || c === "\r") out.push(parts[i]);
    else out[out.length - 1] += open + parts[i];
  }
  return out;
}

// cellsOf reads a row's cells (the text after "<row") into text, by their references.
function cellsOf(wb: Workbook, rowText: string, prefix: string): string[] {
  const row: string[] = [];
  const cells = pieces(rowText, "<" + prefix + "c");
  for (let k = 1; k < cells.length; k++) {
    const cell = cells[k];
    const close = cell.indexOf(">");
    const tag = cell.slice(0, close);
    const ref = cellAttribute(tag, "r");
    const col = ref ? columnIndex(ref) : row.length;
    if (col >= LIMITS.columns) tooManyColumns();
    while (row.length < col) row.push("");
    row[col < 0 ? row.length : col] = tag.charAt(tag.length - 1) === "/" ? "" : cellValue(wb, tag, cell.slice(close + 1));
  }
  return row;
}

// letters reads a cell reference's column letters at i ("AB12" → 27), 0-based; -1 when there
// are none.
function letters(cell: string, i: number): number {
  let col = -1;
  for (let c = cell.charCodeAt(i) - 65; c >= 0 && c <= 25; c = cell.charCodeAt(++i) - 65) col = (col + 1) * 26 + c;
  return col;
}

// fastCells reads a row as spreadsheet programs write them: every cell opens with `<c r="`, in
// column order, its other attributes in double quotes after single spaces. It reads a cell by
// character positions with about ten calls and, for a shared string (nearly every cell of a
// survey's export), no function of its own and no array method: this runs for every cell, and
// goja (the command line's engine) spends a few hundred nanoseconds on any call. cellsOf reads the
// same cells with twice as many. It returns null for a row it cannot read so.
function fastCells(wb: Workbook, rowText: string, open: string, value: string): string[] | null {
  const cells = rowText.split(open + ' r="');
  const row: string[] = [];
  const skip = value.length;
  for (let k = 1; k < cells.length; k++) {
    const cell = cells[k];
    const c0 = cell.charCodeAt(0) - 65;
    const c1 = cell.charCodeAt(1) - 65;
    const col = c1 < 0 || c1 > 25 ? c0 : cell.charCodeAt(2) - 65 >= 0 && cell.charCodeAt(2) - 65 <= 25 ? letters(cell, 0) : (c0 + 1) * 26 + c1;
    if (col < row.length || c0 < 0 || c0 > 25 || col >= LIMITS.columns) return null; // out of order, no letter, or too far: cellsOf says so
    while (row.length < col) row[row.length] = "";
    const close = cell.indexOf(">");
    const t = cell.indexOf(' t="');
    const v = cell.indexOf(value, close);
    const raw = v < 0 ? "" : cell.slice(v + skip, cell.indexOf("<", v + skip));
    if (t > 0 && t < close && cell.charCodeAt(t + 4) === 115 && cell.charCodeAt(t + 5) === 34) {
      const shared = raw === "" ? undefined : wb.strings[+raw]; // a shared string's value is its index
      row[col] = shared === undefined ? "" : shared;
      continue;
    }
    const type = t < 0 || t > close ? "n" : cell.slice(t + 4, cell.indexOf('"', t + 4));
    const s = type === "n" && wb.anyDate ? cell.indexOf(' s="') : -1;
    row[col] = type === "inlineStr" ? runText(cell.slice(close + 1)) : typed(wb, type, raw, s < 0 || s > close ? 0 : parseInt(cell.slice(s + 4, close), 10));
  }
  return row;
}

// rowCells reads a row (the text after "<row"), quickly when it is written as usual.
function rowCells(wb: Workbook, rowText: string, prefix: string): string[] {
  const open = "<" + prefix + "c";
  const usual = rowText.indexOf("'") < 0 && rowText.indexOf("\t") < 0 && rowText.indexOf("\n") < 0 && rowText.indexOf("\r") < 0 && rowText.split(open).length === rowText.split(open + ' r="').length;
  return (usual && fastCells(wb, rowText, open, "<" + prefix + "v>")) || cellsOf(wb, rowText, prefix);
}

// sheetRows reads one worksheet into rows of text, leaving out empty rows.
function sheetRows(wb: Workbook, xml: string): Grid {
  const grid: Grid = { rows: [], rowNumbers: [] };
  const data = /<([\w.-]+:)?sheetData\b/.exec(xml);
  if (!data) return grid;
  const prefix = data[1] || "";
  const rows = pieces(xml.slice(data.index), "<" + prefix + "row");
  let rowNumber = 0;
  for (let k = 1; k < rows.length; k++) {
    const rowText = rows[k];
    const ref = cellAttribute(rowText.slice(0, rowText.indexOf(">")), "r");
    rowNumber = ref ? parseInt(ref, 10) : rowNumber + 1;
    const row = rowCells(wb, rowText, prefix);
    if (row.join("").trim() === "") continue;
    if (grid.rows.length >= LIMITS.rows + HEADING_ROWS) tooManyRows();
    grid.rows.push(row);
    grid.rowNumbers.push(rowNumber);
  }
  return grid;
}

export interface WorkbookSheet extends Grid {
  sheet: string; // the worksheet read
  sheets: string[]; // every worksheet, in the workbook's order
}

// readWorkbook returns the rows of the worksheet named name, or of the first one with data.
export function readWorkbook(z: Unzipped, name?: string): WorkbookSheet {
  const wb = workbook(z);
  const sheets = wb.sheets.map((s) => s.name);
  const list = sheets.map((n) => `‘${n}’`).join(", ");
  for (const s of wb.sheets) {
    if (name && s.name !== name) continue;
    const grid = sheetRows(wb, partText(z, s.path) || "");
    if (grid.rows.length > 0) return { rows: grid.rows, rowNumbers: grid.rowNumbers, sheet: s.name, sheets };
    if (name) refuse(`Het werkblad ‘${name}’ is leeg. De werkmap heeft deze werkbladen: ${list}.`, `worksheet "${name}" is empty; the workbook's worksheets: ${sheets.join(", ")}`);
  }
  if (name) refuse(`De werkmap heeft geen werkblad ‘${name}’. Wel deze: ${list}.`, `the workbook has no worksheet "${name}"; its worksheets: ${sheets.join(", ")}`);
  return refuse("De werkmap heeft geen werkblad met gegevens.", "the workbook has no worksheet with data");
}
