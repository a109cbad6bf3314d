// Reading a team's answers: a file (.xlsx or CSV) or pasted text goes through the logic, with the
// mapping kept for the same form when its headings are exactly the ones it was made for, and is
// applied when every column and answer is understood; otherwise the mapping step asks the reader.
// Afterwards the reader's focus is on what came of it: the outcome, the mapping step, or what is
// wrong with the file. Also the questionnaire for the team's own form: the CSV template,
// LimeSurvey's import file and the list to copy into Microsoft Forms or Google Forms.

import * as L from "../logic";
import { $, chosenFile, download, el, list, plural, readBytes } from "./dom";
import { hideMapping, initMapping, Reason, showMapping } from "./mapping";
import { Opened, Page } from "./page";
import { loadMapping, saveMapping } from "./storage";
import { unzip } from "./unzip";

// teamInfo tells what was read in.
export function teamInfo(page: Page): void {
  const info = $("scan-team-info");
  const t = page.state.mode === "team" ? page.state.team : null;
  const o = page.opened;
  $("scan-koppeling-info").hidden = !(o && o.reused && t);
  sheetChoice(page);
  if (!t) {
    info.textContent = "Nog geen antwoorden ingelezen.";
    return;
  }
  const ignored = t.ignored.length ? ` Niet gebruikte kolommen (geen determinant): ${t.ignored.join(", ")}.` : " Alle kolommen zijn gebruikt.";
  const notices = t.notices.length ? " " + t.notices.join(" ") : "";
  info.textContent = `${plural(t.summary.respondents, "respondent", "respondenten")} ingelezen uit ${t.label}.${ignored}${notices}`;
}

// sheetChoice offers the other worksheets of the workbook that is open.
function sheetChoice(page: Page): void {
  const o = page.opened;
  const sheets = o && o.bytes && page.state.team ? o.sheet.sheets : [];
  $("scan-werkblad-veld").hidden = sheets.length < 2;
  if (sheets.length < 2) return;
  const select = $<HTMLSelectElement>("scan-werkblad");
  select.textContent = "";
  for (const name of sheets) select.appendChild(el("option", { value: name }, name));
  select.value = o!.sheet.sheet;
}

// fileError says what is wrong with a file, next to where it was chosen, and moves the reader's
// focus there; the box is an alert, so a screen reader says it too.
export function fileError(page: Page, label: string, problems: L.Problem[]): void {
  const box = $("scan-bestand-fout");
  box.textContent = `${label}: ${problems.map((p) => p.message).join(" ")} Er is niets veranderd.`;
  box.focus();
}

function clearFileError(): void {
  $("scan-bestand-fout").textContent = "";
}

// applyTeam takes the team's answers into the state, as its summary, and moves the reader's
// focus to the outcome.
export function applyTeam(page: Page, o: Opened, reviewed: boolean): void {
  const kb = page.kb!;
  const s = page.state;
  const kept = s.team && s.team.summary.groups ? s.team.summary.groups.column : "";
  const group = o.team.groupColumns.filter((g) => g.heading === kept)[0];
  s.team = { label: o.label, notices: o.team.notices.map((n) => n.message), ignored: o.team.ignored, summary: L.summarise(kb, o.team.answers, group), groupColumns: o.team.groupColumns.map((g) => g.heading) };
  s.mode = "team";
  page.opened = o;
  if (reviewed) saveMapping(L.forSheet(o.mapping, o.sheet));
  hideMapping();
  clearFileError();
  page.warn("");
  page.save();
  page.sync();
  page.render();
  const reused = o.reused ? " De scan gebruikte je koppeling van het vorige bestand van dit formulier." : "";
  page.say(`${plural(o.team.respondents, "respondent", "respondenten")} ingelezen uit ${o.label}.${reused} De uitkomst staat hieronder.`);
  $("uitkomst-kop").focus();
}

// readWith reads the sheet with the mapping; it applies the answers when the scan understands
// all of them (and, unless the reader has just settled the mapping, no determinant is missing
// while unknown columns hold answers); otherwise it shows the mapping step.
export function readWith(page: Page, o: Omit<Opened, "team">, reviewed: boolean, reason: Reason): void {
  const read = L.readTeam(page.kb!, o.sheet, o.mapping);
  if (!read.ok) {
    fileError(page, o.label, read.problems);
    return;
  }
  const opened: Opened = { ...o, team: read.value };
  if (read.value.ready && (reviewed || !read.value.reviewAdvised) && reason !== "differs") applyTeam(page, opened, reviewed);
  else {
    clearFileError();
    showMapping(page, opened, read.value.ready && reason === "unknown" ? "review" : reason);
  }
}

// openSheet reads a sheet with the mapping kept for its form: as it is when it was made for
// exactly these headings; in the mapping step, prefilled, when it was made for other headings
// but has something to say about these; not at all otherwise.
function openSheet(page: Page, label: string, bytes: Uint8Array | null, zip: L.Unzipped | undefined, sheet: L.Sheet): void {
  const kb = page.kb!;
  const kept = loadMapping(kb);
  const base = { label, bytes, zip, sheet };
  if (kept && L.mappingFit(kept, sheet) === "fits") readWith(page, { ...base, mapping: kept, reused: true }, false, "unknown");
  else if (kept && L.mappingMatters(kb, sheet, kept)) readWith(page, { ...base, mapping: kept, reused: false }, false, "differs");
  else readWith(page, { ...base, mapping: L.emptyMapping(), reused: false }, false, "unknown");
}

async function readChosenFile(page: Page, f: File): Promise<void> {
  if (f.size > L.LIMITS.bytes) {
    fileError(page, f.name, [L.tooLarge()]);
    return;
  }
  const bytes = await readBytes(f);
  const zip = L.isZip(bytes) ? await unzip(bytes) : undefined;
  const sheet = L.readFile(bytes, zip);
  if (!sheet.ok) fileError(page, f.name, sheet.problems);
  else openSheet(page, f.name, bytes, zip, sheet.value);
}

function initReading(page: Page): void {
  $("scan-bestand").addEventListener("change", (e) => {
    const f = chosenFile(e.target as HTMLInputElement);
    if (!f || !page.kb) return;
    readChosenFile(page, f).catch(() => fileError(page, f.name, [L.fileProblem("Het bestand kan niet worden gelezen.", "the file cannot be read")]));
  });
  $("scan-inlezen").addEventListener("click", () => {
    const text = $<HTMLTextAreaElement>("scan-plak").value;
    if (!page.kb) return;
    if (!text.trim()) {
      fileError(page, "Het tekstvak", [L.fileProblem("Plak eerst de antwoorden in het tekstvak, met de kolomkoppen in de eerste rij.", "")]);
      return;
    }
    const sheet = L.readText(text);
    if (!sheet.ok) fileError(page, "De geplakte antwoorden", sheet.problems);
    else openSheet(page, "de geplakte antwoorden", null, undefined, sheet.value);
  });
  $("scan-werkblad").addEventListener("change", (e) => {
    const o = page.opened;
    if (!o || !o.bytes || !page.kb) return;
    const sheet = L.readFile(o.bytes, o.zip, { sheet: (e.target as HTMLSelectElement).value });
    if (!sheet.ok) fileError(page, o.label, sheet.problems);
    else openSheet(page, o.label, o.bytes, o.zip, sheet.value);
  });
  $("scan-koppeling-wijzig").addEventListener("click", () => {
    if (page.opened) showMapping(page, page.opened, "change");
  });
}

function initQuestionnaireOut(page: Page): void {
  const say = (name: string) => page.say(`Het bestand ${name} staat in je downloads.`);
  $("scan-leeg-csv").addEventListener("click", () => {
    if (!page.kb) return;
    download("implementatiescan-invulbestand.csv", "\ufeff" + L.emptyCSV(page.kb), "text/csv;charset=utf-8");
    say("implementatiescan-invulbestand.csv");
  });
  $("scan-limesurvey").addEventListener("click", () => {
    if (!page.kb) return;
    download("implementatiescan-limesurvey.txt", L.limeSurvey(page.kb, page.state.name ? `Implementatiescan: ${page.state.name}` : "Implementatiescan"), "text/tab-separated-values;charset=utf-8");
    say("implementatiescan-limesurvey.txt");
  });
  const toggle = $<HTMLButtonElement>("scan-forms-toon");
  const text = $<HTMLTextAreaElement>("scan-forms-tekst");
  toggle.addEventListener("click", () => {
    if (!page.kb) return;
    const open = $("scan-forms").hidden;
    $("scan-forms").hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) text.value = L.formsText(page.kb);
  });
  $("scan-forms-kopieer").addEventListener("click", () => {
    text.focus();
    text.select();
    const manual = () => page.say("De tekst is geselecteerd. Kopieer hem met Ctrl+C of Cmd+C.");
    if (navigator.clipboard) navigator.clipboard.writeText(text.value).then(() => page.say("De vragen zijn gekopieerd."), manual);
    else manual();
  });
  $("scan-forms-bewaar").addEventListener("click", () => {
    download("implementatiescan-vragen.txt", "\ufeff" + text.value, "text/plain;charset=utf-8");
    say("implementatiescan-vragen.txt");
  });
}

export function initTeam(page: Page): void {
  initReading(page);
  initQuestionnaireOut(page);
  initMapping(page, (o, mapping) => readWith(page, { ...o, mapping, reused: false }, true, "unknown"));
}

// unknownSummary says in a few words what the scan does not recognise, for the live region.
export function unknownSummary(team: L.Team): string {
  const cols = team.columns.filter((c) => c.answers).length;
  const words = team.unknownAnswers.length;
  const parts = [cols ? plural(cols, "kolom", "kolommen") : "", words ? plural(words, "antwoord", "antwoorden") : ""].filter(Boolean);
  return parts.length ? list(parts) : "";
}
