// Reading a team's file: what kind of file it is, and its rows of text. A file that is not a
// spreadsheet, an encrypted workbook, a zip bomb or a sheet past the limits is refused with a
// message that names what is wrong; then nothing of it is used.

import { splitCSV } from "./csv";
import { Grid, LIMITS, tooLargeFile } from "./grid";
import { fail, fileProblem, Refusal, refuse, Result } from "./problem";
import { decodeBytes } from "./text";
import { hasPart, isZip, partText, refuseFault, Unzipped } from "./parts";
import { readWorkbook } from "./xlsx";

export interface Notice {
  message: string; // Dutch
  message_en: string;
}

export interface Sheet extends Grid {
  format: "csv" | "xlsx";
  sheet: string; // the worksheet read, for .xlsx
  sheets: string[]; // every worksheet of the workbook, in its order
  notices: Notice[];
}

export interface ReadOptions {
  sheet?: string; // the worksheet to read; by default the first one with data
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

// containsUTF16 looks for a name as a compound file's directory stores it (UTF-16LE).
function containsUTF16(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

// compoundFile explains an OLE compound file: Excel keeps a workbook with a password in one (an
// "EncryptedPackage"), and Excel 97–2003 saved every .xls as one.
function compoundFile(b: Uint8Array): never {
  if (containsUTF16(b, "EncryptedPackage") || containsUTF16(b, "EncryptionInfo")) {
    refuse(
      "Deze werkmap is beveiligd met een wachtwoord. De scan kan hem daarom niet lezen. Open hem in Excel, haal het wachtwoord eraf (Bestand > Info > Werkmap beveiligen) en bewaar hem opnieuw. Of bewaar de antwoorden als CSV.",
      "this workbook is encrypted with a password, so the scan cannot read it; remove the password in Excel (File > Info > Protect Workbook) and save it again, or save the answers as CSV",
    );
  }
  return refuse(
    "Dit is een oud Excel-bestand (.xls, Excel 97–2003). Open het in Excel en bewaar het als Excel-werkmap (.xlsx) of als CSV.",
    "this is an old Excel file (.xls, Excel 97–2003); open it in Excel and save it as an Excel workbook (.xlsx) or as CSV",
  );
}

// otherZip says what a zip file without a workbook is.
function otherZip(z: Unzipped): never {
  const kind = partText(z, "mimetype") || "";
  if (kind.indexOf("opendocument.spreadsheet") >= 0) {
    refuse("Dit is een OpenDocument-rekenblad (.ods). Bewaar het als Excel-werkmap (.xlsx) of als CSV en kies het opnieuw.", "this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx) or as CSV");
  }
  if (hasPart(z, "ppt/presentation.xml")) refuse("Dit is een PowerPoint-presentatie, geen rekenblad. Kies het bestand met de antwoorden (.xlsx of CSV).", "this is a PowerPoint presentation, not a spreadsheet; choose the file with the answers (.xlsx or CSV)");
  if (hasPart(z, "word/document.xml")) refuse("Dit is een Word-document, geen rekenblad. Kies het bestand met de antwoorden (.xlsx of CSV).", "this is a Word document, not a spreadsheet; choose the file with the answers (.xlsx or CSV)");
  return refuse("Dit is een zip-bestand zonder Excel-werkmap erin. Kies het bestand met de antwoorden (.xlsx of CSV).", "this is a zip file without an Excel workbook in it; choose the file with the answers (.xlsx or CSV)");
}

const BINARY: [number[], string, string][] = [
  [[0x25, 0x50, 0x44, 0x46], "een PDF-bestand", "a PDF file"],
  [[0x89, 0x50, 0x4e, 0x47], "een afbeelding (PNG)", "an image (PNG)"],
  [[0xff, 0xd8, 0xff], "een afbeelding (JPEG)", "an image (JPEG)"],
  [[0x47, 0x49, 0x46, 0x38], "een afbeelding (GIF)", "an image (GIF)"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "een RTF-document", "an RTF document"],
];

function notSpreadsheet(what: string, whatEN: string): never {
  return refuse(`Dit is ${what}, geen rekenblad. Kies het bestand met de antwoorden: een Excel-werkmap (.xlsx) of een CSV-bestand.`, `this is ${whatEN}, not a spreadsheet; choose the file with the answers: an Excel workbook (.xlsx) or a CSV file`);
}

// readFile reads a team's file, whatever it turns out to be. A zip file (isZip) comes with its
// parts as the host unpacked them.
export function readFile(bytes: Uint8Array, zip?: Unzipped, o: ReadOptions = {}): Result<Sheet> {
  try {
    if (bytes.length > LIMITS.bytes) tooLargeFile();
    if (startsWith(bytes, CFB)) compoundFile(bytes);
    if (isZip(bytes)) {
      if (!zip) throw new Error("readFile: a zip file needs its parts, unpacked by the host");
      return { ok: true, value: workbookSheet(zip, o) };
    }
    for (const [sig, nl, en] of BINARY) if (startsWith(bytes, sig)) notSpreadsheet(nl, en);
    const d = decodeBytes(bytes);
    const notices: Notice[] = [];
    if (d.encoding === "windows-1252") {
      notices.push({
        message: "Dit bestand is niet opgeslagen als UTF-8. De scan heeft het gelezen zoals Excel op Windows het bewaart (Windows-1252). Kijk of letters met accenten goed staan, bijvoorbeeld in de kolomkoppen.",
        message_en: "the file is not UTF-8; it was read as Windows-1252 (how Excel on Windows saves CSV); check that accented letters look right",
      });
    }
    return readText(d.text, notices);
  } catch (e) {
    if (e instanceof Refusal) return fail(fileProblem(e.nl, e.en));
    throw e;
  }
}

function workbookSheet(z: Unzipped, o: ReadOptions): Sheet {
  if (z.names.length === 0) refuseFault(z); // the directory itself could not be read
  if (!hasPart(z, "[Content_Types].xml") || hasPart(z, "word/document.xml") || hasPart(z, "ppt/presentation.xml")) otherZip(z);
  refuseFault(z);
  const wb = readWorkbook(z, o.sheet);
  const others = wb.sheets.filter((n) => n !== wb.sheet);
  const notices: Notice[] = [];
  if (others.length) {
    notices.push({
      message: `De scan las het werkblad ‘${wb.sheet}’. De werkmap heeft ook ${others.length === 1 ? "het werkblad" : "de werkbladen"} ${others.map((n) => `‘${n}’`).join(", ")}.`,
      message_en: `read worksheet "${wb.sheet}"; the workbook also has ${others.map((n) => `"${n}"`).join(", ")} (choose one with --sheet)`,
    });
  }
  return { rows: wb.rows, rowNumbers: wb.rowNumbers, format: "xlsx", sheet: wb.sheet, sheets: wb.sheets, notices };
}

// readText reads pasted or decoded text as CSV.
export function readText(text: string, notices: Notice[] = []): Result<Sheet> {
  if (text.indexOf("\u0000") >= 0) {
    return fail(fileProblem("Dit bestand is geen tekst en geen Excel-werkmap. Kies het bestand met de antwoorden: een Excel-werkmap (.xlsx) of een CSV-bestand.", "this file is neither text nor an Excel workbook; choose the file with the answers: an Excel workbook (.xlsx) or a CSV file"));
  }
  if (/^\s*\{\s*"format"\s*:\s*"kennisbank-implementatiescan/.test(text)) {
    return fail(fileProblem("Dit is een bewaarde scan (JSON), geen bestand met antwoorden. Open het bij ‘Eerder bewaarde scan openen’, of vergelijk ermee bij ‘Vergelijken met een eerdere meting’.", "this is a saved scan (JSON), not a file of answers; use it with --compare"));
  }
  const split = splitCSV(text);
  if (!split.ok) return split;
  return { ok: true, value: { rows: split.value.rows, rowNumbers: split.value.rowNumbers, format: "csv", sheet: "", sheets: [], notices } };
}
