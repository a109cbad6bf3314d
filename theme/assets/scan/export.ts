// Files the scan writes: the answers and the result as CSV, an empty file to fill in, and the
// questionnaire for the survey tools a team already has (LimeSurvey's import format, a list to
// copy into Microsoft Forms or Google Forms), worded so that their exports come back without any
// mapping.

import { answerCodes, answerLabel } from "./answers";
import { KnowledgeBase, ordered, round, table } from "./kb";
import { Analysis } from "./outcome";
import { Respondent } from "./tally";

// A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula
// (OWASP's "CSV injection"). Group names and headings come from a team's file, which anyone who
// filled in the form wrote, and the coordinator opens the export in Excel: such a cell gets an
// apostrophe before it, so that it is read as text (the apostrophe shows) and nothing runs. A
// plain number stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[0-9]+([.,][0-9]+)?$/;

function csvCell(v: string | number): string {
  let s = String(v);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = "'" + s;
  return /[;"\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function csvLine(cells: (string | number)[]): string {
  return cells.map(csvCell).join(";") + "\r\n";
}

const CSV_WORDS: Record<string, string> = table({ wn: "weet niet" });

// answersCSV writes the answers as a team CSV (semicolons, as Dutch Excel): one row per
// respondent, headed by the determinant numbers, with the group column if one is given, so that
// the scan reads it back. Several people's files can be pasted into one team file. This is the
// one file with a row per person (privacy.ts): the page writes a team's only when the reader
// asks for the answers per person, and says what that means.
export function answersCSV(kb: KnowledgeBase, respondents: Respondent[], group?: { heading: string; values: string[] }): string {
  const dets = ordered(kb);
  const head = ["respondent"].concat(group ? [group.heading] : [], dets.map((d) => String(d.number)));
  let out = csvLine(head);
  respondents.forEach((r, i) => {
    out += csvLine([String(i + 1)].concat(group ? [group.values[i] || ""] : [], dets.map((d) => CSV_WORDS[r[d.id]] || r[d.id] || "")));
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

// tsvField writes a field of a tab-separated file: LimeSurvey reads quotes as Excel writes them.
function tsvField(v: string): string {
  return /[\t"\r\n]/.test(v) ? '"' + v.replace(/[\t\r\n]+/g, " ").replace(/"/g, '""') + '"' : v;
}

const LS_COLUMNS = ["class", "type/scale", "name", "relevance", "text", "help", "language", "validation", "mandatory", "other", "default", "same_default"];

function lsRow(cells: Record<string, string>): string {
  return LS_COLUMNS.map((c) => tsvField(cells[c] || "")).join("\t") + "\r\n";
}

// limeSurvey writes the questionnaire in LimeSurvey's tab-separated survey format (import it as a
// new survey: .txt). One group per MIDI category; one list question per determinant, coded D01
// to D29, with the scale's answers, coded as the scan reads them (1–5, ja, nee, wn, nvt). Whether
// LimeSurvey exports codes or full answers, and question codes or texts as headings, the scan
// reads the export without any mapping.
export function limeSurvey(kb: KnowledgeBase, title: string): string {
  const nl = "nl";
  let out = "\ufeff" + LS_COLUMNS.join("\t") + "\r\n";
  out += lsRow({ class: "S", name: "language", text: nl });
  out += lsRow({ class: "S", name: "format", text: "G" });
  out += lsRow({ class: "S", name: "anonymized", text: "Y" });
  out += lsRow({ class: "SL", name: "surveyls_title", text: title, language: nl });
  out += lsRow({ class: "SL", name: "surveyls_description", text: "De vragen van de MIDI (Meetinstrument voor Determinanten van Innovaties). Beantwoord elke vraag voor de innovatie die jullie invoeren.", language: nl });
  const cats = kb.categories && kb.categories.length ? kb.categories : [{ id: "", title: "Vragen" }];
  for (const c of cats) {
    const dets = ordered(kb).filter((d) => c.id === "" || d.category === c.id);
    if (dets.length === 0) continue;
    out += lsRow({ class: "G", name: c.title, relevance: "1", language: nl });
    for (const d of dets) {
      out += lsRow({ class: "Q", "type/scale": "L", name: "D" + (d.number < 10 ? "0" : "") + d.number, relevance: "1", text: d.question, language: nl, mandatory: "N", other: "N" });
      for (const code of answerCodes(d.scale).concat(["nvt"])) {
        out += lsRow({ class: "A", "type/scale": "0", name: code, text: answerLabel(code), language: nl });
      }
    }
  }
  return out;
}

// formsText is the questionnaire to copy into Microsoft Forms or Google Forms: the questions with
// their answers, worded as the scan reads them back.
export function formsText(kb: KnowledgeBase): string {
  const dets = ordered(kb);
  const agree = dets.filter((d) => d.scale !== "janeeweetniet");
  const yesno = dets.filter((d) => d.scale === "janeeweetniet");
  const options = (scale: string) => answerCodes(scale).concat(["nvt"]).map(answerLabel);
  const lines: string[] = [
    "Implementatiescan (MIDI): de vragen voor je eigen formulier",
    "",
    "Neem de tekst van elke vraag en elk antwoord precies over. Dan leest de scan de antwoorden zonder dat je iets hoeft te koppelen.",
    "",
    "Stellingen. Maak één vraag met een raster (Google Forms: ‘Raster met meerkeuzevragen’; Microsoft Forms: ‘Likert’), of één meerkeuzevraag per stelling.",
    "Antwoorden (kolommen):",
    ...options("eens5"),
    "",
    "Stellingen (rijen):",
    ...agree.map((d) => d.question),
    "",
    "Ja/nee-vragen. Maak hiervoor een tweede raster, of één meerkeuzevraag per vraag.",
    "Antwoorden (kolommen):",
    ...options("janeeweetniet"),
    "",
    "Vragen (rijen):",
    ...yesno.map((d) => d.question),
    "",
  ];
  return lines.join("\r\n");
}
