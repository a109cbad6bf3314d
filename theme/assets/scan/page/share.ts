// Saving and handing on: the result and the answers as CSV, everything as JSON (it opens again),
// a share link with the answers in the URL fragment; taking over a link's or file's state with
// the reader's own kept aside; starting over.

import * as L from "../logic";
import { $, chosenFile, download, readText, today } from "./dom";
import { Page } from "./page";
import { analysis, fresh, fromScanState, groupColumn, hasAnswers, scanState } from "./state";
import { clearAll, hasBackup, saveBackup, takeBackup } from "./storage";

function fileName(page: Page, ext: string, kind: string): string {
  const slug = page.state.name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `implementatiescan-${kind}${slug ? "-" + slug : ""}-${today()}.${ext}`;
}

function offer(page: Page, name: string, text: string, type: string): void {
  download(name, text, type);
  page.say(`Het bestand ${name} staat in je downloads.`);
}

// takeOver replaces the whole state (a share link, a saved file) and keeps the old one to restore.
function takeOver(page: Page, s: L.ScanState, label: string, what: string): void {
  if (hasAnswers(page.state) && saveBackup(page.state)) $("scan-terug-p").hidden = false;
  page.state = fromScanState(s, label);
  page.opened = null;
  page.warn("");
  page.save();
  page.sync();
  page.render();
  page.say(`${what} De uitkomst staat hieronder.`);
}

// fromFragment opens a share link's answers, and takes them out of the address bar.
export function fromFragment(page: Page): void {
  if (!page.kb || location.hash.indexOf("#scan=") !== 0) return;
  const d = L.decodeShare(page.kb, location.hash);
  history.replaceState(null, "", location.pathname + location.search);
  if (!d.ok) {
    page.warn(d.message);
    return;
  }
  takeOver(page, d.value, "een deellink", d.value.mode === "team" ? "De uitkomst uit de deellink staat nu in de scan." : "De antwoorden uit de deellink staan nu in de scan.");
}

// rawAnswers writes the answers per person: one person's own, or, on the reader's explicit
// choice, the team's as the open file holds them, with the column the groups are compared by.
function rawAnswers(page: Page): string | null {
  const kb = page.kb;
  if (!kb) return null;
  if (page.state.mode === "alleen") return Object.keys(page.state.answers).length ? L.answersCSV(kb, [page.state.answers]) : null;
  const o = page.opened;
  if (!o || !page.state.team) return null;
  const group = o.team.groupColumns.filter((g) => g.heading === groupColumn(page.state))[0];
  return L.answersCSV(kb, L.respondentsOf(kb, o.team.answers), group);
}

// renderSaving offers what can be saved now: the answers per person only while they are in the
// page's memory.
export function renderSaving(page: Page): void {
  const team = page.state.mode === "team";
  $("scan-antwoorden-csv").hidden = team;
  $("scan-ruw").hidden = !team || !page.opened;
  $("scan-deel-uitleg").textContent = team
    ? "In een deellink staat de uitkomst van je team: per vraag hoeveel antwoorden ongunstig, neutraal en gunstig waren, ook per groep van minstens 5 mensen als je groepen vergelijkt. Antwoorden van één persoon staan er niet in. De link staat achter het hekje (#); dat deel stuurt de browser nooit naar een server."
    : "In een deellink staan je antwoorden, achter het hekje (#). Dat deel van een link stuurt de browser nooit naar een server. Maar wie de link krijgt, ziet wel al je antwoorden.";
}

function initSaving(page: Page): void {
  $("scan-csv").addEventListener("click", () => {
    const a = analysis(page.kb, page.state);
    if (page.kb && a) offer(page, fileName(page, "csv", "uitkomst"), "\ufeff" + L.resultCSV(page.kb, a, page.state.plan), "text/csv;charset=utf-8");
  });
  for (const id of ["scan-antwoorden-csv", "scan-ruw-bewaar"]) {
    $(id).addEventListener("click", () => {
      const csv = rawAnswers(page);
      if (csv !== null) offer(page, fileName(page, "csv", "antwoorden"), "\ufeff" + csv, "text/csv;charset=utf-8");
    });
  }
  $("scan-json").addEventListener("click", () => {
    if (page.kb && analysis(page.kb, page.state)) offer(page, fileName(page, "json", "scan"), L.exportJSON(page.kb, scanState(page.kb, page.state), today()), "application/json");
  });
  $("scan-json-open").addEventListener("change", (e) => {
    const f = chosenFile(e.target as HTMLInputElement);
    if (!f) return;
    readText(f).then((text) => {
      if (!page.kb) return;
      const d = L.importJSON(page.kb, text);
      if (!d.ok) page.warn(`${f.name}: ${d.message} Er is niets veranderd.`);
      else takeOver(page, d.value, f.name, `De scan uit ${f.name} is geopend.`);
    });
  });
}

function initShare(page: Page): void {
  $("scan-deel").addEventListener("click", () => {
    if (!page.kb || !analysis(page.kb, page.state)) return;
    const link = location.href.split("#")[0] + "#" + L.encodeShare(page.kb, scanState(page.kb, page.state));
    const field = $<HTMLInputElement>("scan-deellink");
    field.value = link;
    $("scan-deel-veld").hidden = false;
    field.focus();
    field.select();
    const manual = () => page.say("De deellink staat in het veld. Kopieer hem met Ctrl+C of Cmd+C.");
    const who = page.state.mode === "team" ? "de uitkomst van je team" : "je antwoorden";
    if (navigator.clipboard) navigator.clipboard.writeText(link).then(() => page.say(`De deellink staat in het veld en is gekopieerd. Wie de link opent, ziet ${who}.`), manual);
    else manual();
  });
  window.addEventListener("hashchange", () => fromFragment(page));
}

function initStartOver(page: Page): void {
  $("scan-terug-p").hidden = !hasBackup();
  $("scan-terug").addEventListener("click", () => {
    const old = takeBackup();
    if (!old) return;
    page.state = old;
    page.opened = null;
    page.save();
    page.sync();
    page.render();
    $("scan-terug-p").hidden = true;
    page.say("Je eigen antwoorden staan er weer.");
  });
  const ask = $("scan-opnieuw-vraag");
  $("scan-opnieuw").addEventListener("click", () => {
    ask.hidden = false;
    $("scan-opnieuw-ja").focus();
  });
  $("scan-opnieuw-nee").addEventListener("click", () => {
    ask.hidden = true;
    $("scan-opnieuw").focus();
  });
  $("scan-opnieuw-ja").addEventListener("click", () => {
    page.state = fresh();
    page.opened = null;
    clearAll();
    ask.hidden = true;
    $("scan-terug-p").hidden = true;
    $<HTMLTextAreaElement>("scan-plak").value = "";
    $("scan-deel-veld").hidden = true;
    $("scan-koppelen").hidden = true;
    page.warn("");
    page.sync();
    page.render();
    page.say("Alles is gewist. Je kunt opnieuw beginnen.");
    $(page.state.mode === "alleen" ? "vragenlijst" : "team-kop").focus();
  });
}

export function initSharing(page: Page): void {
  initSaving(page);
  initShare(page);
  initStartOver(page);
}
