// The mapping step: what the scan did not recognise in a file, for the reader to settle. Per
// column a labelled list of the determinants (or "niet gebruiken"), per unknown answer a list of
// the scale's points. Applying it reads the file again with the mapping; the browser keeps the
// mapping for the next file of the same form, and the reader can save it for
// `kennisbank scan --mapping`.

import * as L from "../logic";
import { $, chosenFile, download, el, list, plural, readText } from "./dom";
import { Page } from "./page";
import { saveMapping } from "./storage";

// Pending is a file read but not yet applied.
export interface Pending {
  sheet: L.Sheet;
  label: string;
  team: L.Team;
}

type Retry = (sheet: L.Sheet, label: string, mapping: L.Mapping, reviewed: boolean) => void;

let pending: Pending | null = null;
let base: L.Mapping = L.emptyMapping();

const SCALE_NAMES: Record<L.Family, string> = { eens5: "een stelling", janeeweetniet: "een ja/nee-vraag" };

export function hideMapping(): void {
  pending = null;
  $("scan-koppelen").hidden = true;
}

// showMapping draws the step for the file and moves the reader's focus to it.
export function showMapping(page: Page, p: Pending, mapping: L.Mapping): void {
  if (!page.kb) return;
  pending = p;
  base = mapping;
  const t = p.team;
  const missing = t.missing.length;
  $("scan-koppelen-uitleg").textContent = t.ready
    ? `In ${p.label} ontbreken ${plural(missing, "vraag", "vragen")} van de scan, en er zijn kolommen die de scan niet kent. Staat een vraag van de scan in zo'n kolom? Kies dan welke. Anders kies je ‘niet gebruiken’. De scan onthoudt je keuze in deze browser voor het volgende bestand van hetzelfde formulier.`
    : `De scan herkent niet alles in ${p.label}. Kies bij elke kolom welke vraag erin staat, en bij elk antwoord wat het betekent. De scan onthoudt je keuze in deze browser voor het volgende bestand van hetzelfde formulier.`;
  const problems = $("scan-koppelen-problemen");
  problems.textContent = "";
  for (const pr of t.problems) problems.appendChild(el("li", {}, pr.message));
  columnRows(page.kb, p);
  answerRows(p.team.unknownAnswers);
  const skipped = t.columns.filter((c) => c.metadata).map((c) => c.heading);
  $("scan-koppelen-overgeslagen").textContent = skipped.length ? `Deze kolommen van het formulier zelf slaat de scan over: ${list(skipped)}.` : "";
  $("scan-koppelen-fout").textContent = "";
  const section = $("scan-koppelen");
  section.hidden = false;
  $("koppelen-kop").focus();
}

// samples shows a few values of a column, to help the reader recognise it.
function samples(p: Pending, index: number): string {
  const seen: string[] = [];
  for (let r = p.team.headingRows; r < p.sheet.rows.length && seen.length < 3; r++) {
    const v = (p.sheet.rows[r][index] || "").trim();
    if (v && seen.indexOf(v) < 0) seen.push(v.length > 40 ? v.slice(0, 39) + "…" : v);
  }
  return seen.length ? `Bijvoorbeeld: ${seen.join(" · ")}` : "Deze kolom is leeg.";
}

function determinantSelect(kb: L.KnowledgeBase, id: string, chosen: string): HTMLSelectElement {
  const s = el("select", { id, class: "scan-map-select" });
  s.appendChild(el("option", { value: "" }, "niet gebruiken"));
  for (const d of L.ordered(kb)) s.appendChild(el("option", { value: d.id }, `${d.number}. ${d.title}`));
  s.value = chosen;
  return s;
}

function columnRow(kb: L.KnowledgeBase, p: Pending, c: L.Team["columns"][number]): HTMLElement {
  const id = `scan-kolom-${c.index}`;
  const row = el("div", { class: "scan-map-row" });
  row.appendChild(el("label", { for: id }, `Kolom ${c.letter}: ${c.heading}`));
  const hint = el("p", { id: id + "-hint", class: "hint" }, samples(p, c.index));
  const select = determinantSelect(kb, id, c.determinant);
  select.setAttribute("aria-describedby", hint.id);
  select.dataset.heading = c.heading;
  select.dataset.auto = c.how === "koppeling" ? "" : c.determinant;
  row.appendChild(select);
  row.appendChild(hint);
  return row;
}

// columnRows lists the columns: the ones the scan did not recognise (or that clash) first, the
// recognised ones folded away below them, to check or correct.
function columnRows(kb: L.KnowledgeBase, p: Pending): void {
  const box = $("scan-koppelen-kolomlijst");
  box.textContent = "";
  const clash = new Set(p.team.problems.map((pr) => pr.column - 1));
  const open = p.team.columns.filter((c) => !c.metadata && c.heading !== "" && (!c.determinant || clash.has(c.index) || c.how === "koppeling"));
  const known = p.team.columns.filter((c) => c.heading !== "" && c.determinant && !clash.has(c.index) && c.how !== "koppeling");
  for (const c of open) box.appendChild(columnRow(kb, p, c));
  if (open.length === 0) box.appendChild(el("p", {}, "Alle kolommen met een vraag zijn herkend."));
  if (known.length === 0) return;
  const details = el("details", { class: "scan-map-known" });
  details.appendChild(el("summary", {}, `Herkende kolommen (${known.length}) nakijken`));
  for (const c of known) details.appendChild(columnRow(kb, p, c));
  box.appendChild(details);
}

function answerRows(unknown: L.UnknownAnswer[]): void {
  const box = $("scan-koppelen-antwoordlijst");
  box.textContent = "";
  $("scan-koppelen-antwoorden").hidden = unknown.length === 0;
  unknown.forEach((u, i) => {
    const id = `scan-antwoord-${i}`;
    const row = el("div", { class: "scan-map-row" });
    const times = u.count > 1 ? `${u.count} keer; eerst in` : "in";
    row.appendChild(el("label", { for: id }, `“${u.value}” bij ${SCALE_NAMES[u.family]} (${times} rij ${u.row}, kolom ${L.columnLetter(u.column)})`));
    const s = el("select", { id, class: "scan-map-select", "aria-required": "true" });
    s.dataset.family = u.family;
    s.dataset.value = u.value;
    s.appendChild(el("option", { value: "?" }, "kies wat het betekent"));
    for (const code of L.answerCodes(u.family)) s.appendChild(el("option", { value: code }, u.family === "eens5" ? `${L.answerLabel(code)} (${code})` : L.answerLabel(code)));
    s.appendChild(el("option", { value: "" }, "geen antwoord (telt niet mee)"));
    row.appendChild(s);
    box.appendChild(row);
  });
}

// chosen reads the reader's choices as a mapping laid over the one the file was read with. A
// recognised column is written only when the reader changed it.
function chosen(): L.Mapping | HTMLSelectElement {
  const m = L.emptyMapping();
  for (const s of Array.from($("scan-koppelen-kolomlijst").querySelectorAll<HTMLSelectElement>("select"))) {
    if (s.value !== s.dataset.auto || s.dataset.auto === "") m.columns[s.dataset.heading || ""] = s.value;
  }
  for (const s of Array.from($("scan-koppelen-antwoordlijst").querySelectorAll<HTMLSelectElement>("select"))) {
    if (s.value === "?") return s;
    m.answers[s.dataset.family as L.Family][s.dataset.value || ""] = s.value;
  }
  return L.merge(base, m);
}

export function initMapping(page: Page, retry: Retry): void {
  $<HTMLFormElement>("scan-koppelen-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!pending) return;
    const m = chosen();
    if (m instanceof HTMLSelectElement) {
      $("scan-koppelen-fout").textContent = "Kies bij elk antwoord wat het betekent. Bij twijfel kies je ‘geen antwoord’.";
      m.focus();
      return;
    }
    retry(pending.sheet, pending.label, m, true);
  });
  $("scan-koppelen-annuleer").addEventListener("click", () => {
    hideMapping();
    page.say("Er is niets ingelezen. De uitkomst is niet veranderd.");
    $("scan-bestand").focus();
  });
  $("scan-koppeling-bewaar").addEventListener("click", () => {
    const m = chosen();
    download("implementatiescan-koppeling.json", L.mappingJSON(m instanceof HTMLSelectElement ? base : m), "application/json");
    page.say("Het bestand implementatiescan-koppeling.json staat in je downloads. Gebruik het bij een volgend bestand, of met kennisbank scan --mapping.");
  });
  $("scan-koppeling-open").addEventListener("change", (e) => {
    const f = chosenFile(e.target as HTMLInputElement);
    if (!f || !pending || !page.kb) return;
    const p = pending;
    readText(f).then((text) => {
      const m = L.parseMapping(page.kb!, text);
      if (!m.ok) {
        $("scan-koppelen-fout").textContent = `${f.name}: ${m.message}`;
        return;
      }
      saveMapping(L.merge(base, m.value));
      retry(p.sheet, p.label, L.merge(base, m.value), false);
    });
  });
}
