// A grid of text: the rows of a CSV file or a worksheet, before the scan reads them as answers.

import { fileProblem, Problem, refuse } from "./problem";

export interface Grid {
  rows: string[][];
  rowNumbers: number[]; // the row number a reader sees in the file, per row (1 is the first)
}

// What the scan reads at most: a team of 10 to 200 colleagues fits many times over, and a file
// past these limits is another kind of file or a mistake.
export const LIMITS = {
  bytes: 100 * 1024 * 1024, // the file as it is chosen
  rows: 10000, // respondents
  columns: 1024,
};

// HEADING_ROWS is the most rows above the answers: Qualtrics writes three.
export const HEADING_ROWS = 3;

// dutchNumber writes 10000 as 10.000.
export function dutchNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

// rowsProblem says that a file has more respondents than the scan reads.
export function rowsProblem(): Problem {
  return fileProblem(
    `Dit bestand heeft meer dan ${dutchNumber(LIMITS.rows)} rijen met antwoorden. De scan leest de antwoorden van hoogstens ${dutchNumber(LIMITS.rows)} mensen. Staan er andere gegevens onder de antwoorden? Haal die dan weg.`,
    `this file has more than ${LIMITS.rows} rows of answers; the scan reads the answers of at most ${LIMITS.rows} people`,
  );
}

export function tooManyRows(): never {
  const p = rowsProblem();
  return refuse(p.message, p.message_en);
}

export function tooManyColumns(): never {
  return refuse(
    `Dit bestand heeft gegevens in meer dan ${dutchNumber(LIMITS.columns)} kolommen. De scan leest hoogstens ${dutchNumber(LIMITS.columns)} kolommen.`,
    `this file has data in more than ${LIMITS.columns} columns; the scan reads at most ${LIMITS.columns}`,
  );
}

// tooLarge says that a file is past LIMITS.bytes; the page says it before reading the file.
export function tooLarge(): Problem {
  return fileProblem(
    `Dit bestand is groter dan ${LIMITS.bytes / 1024 / 1024} MB. De antwoorden van een team passen in een veel kleiner bestand. Kies het bestand met alleen de antwoorden.`,
    `this file is larger than ${LIMITS.bytes / 1024 / 1024} MB; a team's answers fit in a much smaller file`,
  );
}

export function tooLargeFile(): never {
  const p = tooLarge();
  return refuse(p.message, p.message_en);
}
