// Saving and handing on: the result and the answers as CSV, everything as JSON (it opens again),
// a share link with the answers in the URL fragment; taking over a link's or file's state with
// the reader's own kept aside; starting over.

import * as L from "../logic";
import { $, chosenFile, download, readText, today } from "./dom";
import { Page } from "./page";
import { fresh, fromScanState, hasAnswers, respondents, scanState } from "./state";
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
  takeOver(page, d.value, "een deellink", "De antwoorden uit de deellink staan nu in de scan.");
}

function initSaving(page: Page): void {
  $("scan-csv").addEventListener("click", () => {
    const rs = respondents(page.state);
    if (page.kb && rs) offer(page, fileName(page, "csv", "uitkomst"), "\ufeff" + L.resultCSV(page.kb, L.analyse(page.kb, rs, page.state.thresholds), page.state.plan), "text/csv;charset=utf-8");
  });
  $("scan-antwoorden-csv").addEventListener("click", () => {
    const rs = respondents(page.state);
    if (page.kb && rs) offer(page, fileName(page, "csv", "antwoorden"), "\ufeff" + L.answersCSV(page.kb, rs), "text/csv;charset=utf-8");
  });
  $("scan-json").addEventListener("click", () => {
    if (page.kb && respondents(page.state)) offer(page, fileName(page, "json", "scan"), L.exportJSON(page.kb, scanState(page.state), today()), "application/json");
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
    if (!page.kb || !respondents(page.state)) return;
    const link = location.href.split("#")[0] + "#" + L.encodeShare(page.kb, scanState(page.state));
    const field = $<HTMLInputElement>("scan-deellink");
    field.value = link;
    $("scan-deel-veld").hidden = false;
    field.focus();
    field.select();
    const manual = () => page.say("De deellink staat in het veld. Kopieer hem met Ctrl+C of Cmd+C.");
    if (navigator.clipboard) navigator.clipboard.writeText(link).then(() => page.say("De deellink staat in het veld en is gekopieerd. Wie de link opent, ziet je antwoorden."), manual);
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
