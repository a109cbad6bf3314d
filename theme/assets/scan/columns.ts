// Recognising a column: by the determinant's number or id, by the question as the site asks it
// (also inside a grid heading such as "MIDI [Ik ben bekend met …]" or "MIDI - …"), by a heading
// that starts with the number ("1.", "Vraag 1", "Q1", "D01", "[1]", "MIDI[D01]"), or by the
// determinant's title. Form tools' own columns (ID, times, e-mail, name) are known as such.

import { byNumber, Determinant, fold, KnowledgeBase, table } from "./kb";

// How a column was recognised. "koppeling": the reader's mapping said so.
export type How = "nummer" | "id" | "vraag" | "kop" | "titel" | "koppeling" | "";

export interface Match {
  determinant: Determinant;
  how: How;
}

// The columns survey tools add themselves, in the languages their exports come in: Microsoft
// Forms, Google Forms, LimeSurvey, Qualtrics, Castor.
const METADATA: Record<string, boolean> = (() => {
  const names = [
    "id", "respondent", "respondent id", "response id", "responseid", "antwoord id", "deelnemer",
    "start time", "starttijd", "begintijd", "completion time", "tijd van voltooien", "voltooiingstijd", "eindtijd", "end time",
    "last modified time", "tijdstip van laatste wijziging", "laatst gewijzigd",
    "email", "e-mail", "e-mailadres", "email address", "emailadres", "name", "naam",
    "timestamp", "tijdstempel", "score", "totaalscore", "total score",
    "submitdate", "date submitted", "datum ingediend", "datum verstuurd", "lastpage", "last page", "laatste pagina",
    "startlanguage", "start language", "starttaal", "seed", "startdate", "date started", "datum gestart", "datestamp",
    "date last action", "datum laatste actie", "ipaddr", "ip address", "ip-adres", "refurl", "referrer url", "token",
    "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished", "recordeddate",
    "recipientlastname", "recipientfirstname", "recipientemail", "externalreference", "externaldatareference",
    "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage",
    "participant id", "castor participant id", "participant status", "site abbreviation", "participant creation date",
    "record id", "castor record id", "institute abbreviation", "record creation date", "survey instance id",
    "survey creation date", "survey sent date", "survey progress", "survey completed on", "survey parent",
    "survey package name", "survey package id", "survey name",
  ];
  const t: Record<string, boolean> = table({});
  for (const n of names) t[fold(n)] = true;
  return t;
})();

export function isMetadata(heading: string): boolean {
  return METADATA[fold(heading)] === true;
}

// A heading that starts with the determinant's number, after an optional word for "question".
const NUMBERED = /^(?:vraag|v|q|d|item|determinant|midi)?\s*[_\-.#]?\s*0*([1-9][0-9]?)(?![0-9])\s*[.):\]]?\s*(.*)$/i;
const BRACKETED = /^\[\s*0*([1-9][0-9]?)\s*\]\s*(.*)$/;
const GRID_PART = /\[([^\]]*)\]\s*$/;

// numbered reads "Vraag 3", "Q3", "3.", "[3]" and "3. Titel": the rest after the number must be
// empty or the determinant's title, so that a form's own numbering ("2. Wat is je functie?") is
// not taken for a determinant.
function numbered(kb: KnowledgeBase, heading: string): Determinant | null {
  const h = heading.trim();
  const m = BRACKETED.exec(h) || NUMBERED.exec(h);
  if (!m) return null;
  const d = byNumber(kb, parseInt(m[1], 10));
  if (!d) return null;
  const rest = fold(m[2]);
  return rest === "" || rest === fold(d.title) || (d.title_en !== undefined && rest === fold(d.title_en)) ? d : null;
}

// Questions is the knowledge base's questions, folded, longest first: a heading that holds one
// question's text inside another's is taken for the longer one.
export interface Questions {
  list: { key: string; d: Determinant }[];
  titles: Record<string, Determinant>;
  exact: Record<string, Determinant>; // by id (lower case) and by number ("1", "01")
}

export function questions(kb: KnowledgeBase): Questions {
  const list = kb.determinants.map((d) => ({ key: fold(d.question), d })).filter((q) => q.key.length >= 12);
  list.sort((a, b) => b.key.length - a.key.length);
  const titles: Record<string, Determinant> = table({});
  const exact: Record<string, Determinant> = table({});
  for (const d of kb.determinants) {
    titles[fold(d.title)] = d;
    if (d.title_en) titles[fold(d.title_en)] = d;
    exact[d.id.toLowerCase()] = d;
  }
  for (const d of kb.determinants) if (!exact[String(d.number)]) exact[String(d.number)] = d;
  return { list, titles, exact };
}

// recognise finds the determinant a heading asks about, or null. text is a second heading row,
// as Qualtrics writes the question text under its own codes.
export function recognise(kb: KnowledgeBase, q: Questions, heading: string, text: string): Match | null {
  const h = heading.trim();
  const number = /^[0-9]{1,3}$/.test(h);
  const exact = q.exact[number ? String(parseInt(h, 10)) : h.toLowerCase()];
  if (exact) return { determinant: exact, how: number ? "nummer" : "id" };
  for (const s of [h, text]) {
    const k = fold(s);
    if (k === "") continue;
    for (const e of q.list) if (k.indexOf(e.key) >= 0) return { determinant: e.d, how: "vraag" };
  }
  // Under a code with a text of its own (Qualtrics' "Q3" over "Wat is je functie?") the number is
  // the tool's, not the determinant's.
  const grid = GRID_PART.exec(h);
  for (const s of text.trim() !== "" ? [] : grid ? [h, grid[1]] : [h]) {
    const d = numbered(kb, s);
    if (d) return { determinant: d, how: "kop" };
  }
  for (const s of [h, text]) {
    const d = q.titles[fold(s)];
    if (d && fold(s) !== "") return { determinant: d, how: "titel" };
  }
  return null;
}

// headingRows tells how many rows head the answers: three in a Qualtrics export (export tags,
// question texts, then {"ImportId": …}), one otherwise.
export function headingRows(rows: string[][]): number {
  if (rows.length < 3) return 1;
  let filled = 0;
  let ids = 0;
  for (const c of rows[2]) {
    if (c.trim() === "") continue;
    filled++;
    if (/^\{\s*"ImportId"\s*:/.test(c.trim())) ids++;
  }
  return filled > 0 && ids * 2 >= filled ? 3 : 1;
}
