// Reading a team's answers: a file (.xlsx or CSV) or pasted text goes through the logic, and is
// applied when every column and answer is understood; otherwise the mapping step asks the reader.
// Also the questionnaire for the team's own form: the CSV template, LimeSurvey's import file and
// the list to copy into Microsoft Forms or Google Forms.

import * as L from "../logic";
import { $, chosenFile, download, plural, readBytes } from "./dom";
import { hideMapping, initMapping, showMapping } from "./mapping";
import { Page } from "./page";
import { loadMapping, saveMapping } from "./storage";

// teamInfo tells what was read in.
export function teamInfo(page: Page): void {
  const info = $("scan-team-info");
  const t = page.state.team;
  if (!t) {
    info.textContent = "Nog geen antwoorden ingelezen.";
    return;
  }
  const ignored = t.ignored.length ? ` Niet gebruikte kolommen (geen determinant): ${t.ignored.join(", ")}.` : " Alle kolommen zijn gebruikt.";
  const notices = t.notices.length ? " " + t.notices.join(" ") : "";
  info.textContent = `${plural(t.respondents.length, "respondent", "respondenten")} ingelezen uit ${t.label}.${ignored}${notices}`;
}

function problemsText(label: string, problems: L.Problem[]): string {
  return `${label}: ${problems.map((p) => p.message).join(" ")} Er is niets veranderd.`;
}

function applyTeam(page: Page, team: L.Team, label: string): void {
  const kb = page.kb!;
  const s = page.state;
  s.team = { respondents: L.respondentsOf(kb, team.answers), ignored: team.ignored, label, groupColumns: team.groupColumns, notices: team.notices.map((n) => n.message) };
  if (!team.groupColumns.some((g) => g.heading === s.group)) s.group = "";
  s.mode = "team";
  page.warn("");
  page.save();
  page.sync();
  page.render();
  page.say(`${plural(team.respondents, "respondent", "respondenten")} ingelezen. De uitkomst staat hieronder.`);
}

// readTeam reads the sheet with the mapping. It applies the answers when the scan understands
// all of them (and, unless the reader has just reviewed the mapping, no determinant is missing
// while unknown columns hold data); otherwise it shows the mapping step.
export function readTeam(page: Page, sheet: L.Sheet, label: string, mapping: L.Mapping, reviewed: boolean): void {
  if (!page.kb) return;
  const read = L.readTeam(page.kb, sheet, mapping);
  if (!read.ok) {
    page.warn(problemsText(label, read.problems));
    return;
  }
  const team = read.value;
  if (team.ready && (reviewed || !team.reviewAdvised)) {
    hideMapping();
    if (reviewed) saveMapping(mapping);
    applyTeam(page, team, label);
    return;
  }
  page.warn("");
  showMapping(page, { sheet, label, team }, mapping);
}

function readSheet(page: Page, sheet: L.Result<L.Sheet>, label: string): void {
  if (!page.kb) return;
  if (!sheet.ok) {
    page.warn(problemsText(label, sheet.problems));
    return;
  }
  readTeam(page, sheet.value, label, loadMapping(page.kb), false);
}

function initReading(page: Page): void {
  $("scan-bestand").addEventListener("change", (e) => {
    const f = chosenFile(e.target as HTMLInputElement);
    if (!f || !page.kb) return;
    if (f.size > L.LIMITS.bytes) {
      page.warn(problemsText(f.name, [L.tooLarge()]));
      return;
    }
    readBytes(f).then(
      (bytes) => readSheet(page, L.readFile(bytes), f.name),
      () => page.warn(`Het bestand ${f.name} kan niet worden gelezen. Er is niets veranderd.`),
    );
  });
  $("scan-inlezen").addEventListener("click", () => {
    const text = $<HTMLTextAreaElement>("scan-plak").value;
    if (!text.trim()) {
      page.warn("Plak eerst de antwoorden in het tekstvak, met de kolomkoppen in de eerste rij.");
      return;
    }
    readSheet(page, L.readText(text), "de geplakte antwoorden");
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
  initMapping(page, (sheet, label, mapping, reviewed) => readTeam(page, sheet, label, mapping, reviewed));
}
