// Problems with a file, named the way its reader finds them: a row (1 is the first row of the
// sheet) and a column. Every message comes in Dutch for the page and in English for the command
// line. Problems are collected where a reader fixes several at once.

export interface Problem {
  file?: "mapping" | "compare"; // the problem is in the mapping or the earlier result, not the team's file
  row: number; // 0 when it is about the whole file
  column: number; // 1-based; 0 when it is about the whole row or file
  header: string;
  value: string;
  message: string; // Dutch, for the page
  message_en: string; // English, for the command line
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

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

// problemAt names where the problem is, then says what is wrong.
export function problemAt(row: number, column: number, header: string, value: string, nl: string, en: string): Problem {
  let whereNL = row > 0 ? `Rij ${row}` : "";
  let whereEN = row > 0 ? `row ${row}` : "";
  if (column > 0) {
    const h = header ? ` (${header})` : "";
    whereNL += `${whereNL ? ", k" : "K"}olom ${columnLetter(column)}${h}`;
    whereEN += `${whereEN ? ", " : ""}column ${column}${h}`;
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

// fileProblem is about the whole file: the team's, or the mapping or earlier result given with it.
export function fileProblem(nl: string, en: string, file?: "mapping" | "compare"): Problem {
  const p = problemAt(0, 0, "", "", nl, en);
  if (file) p.file = file;
  return p;
}

export function fail<T>(...problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

// Refusal is thrown deep inside a reader (zip, inflate, XML) and caught where the file is read,
// which turns it into a Problem: the reader stops at once and nothing of the file is used.
export class Refusal {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {}
}

export function refuse(nl: string, en: string): never {
  throw new Refusal(nl, en);
}
