// The mapping step: what the scan did not recognise in a file, settled by the reader in one step.
// First, in one list, the columns that hold answers the scan cannot place and the answer words it
// does not know, sorted, each with a labelled list to choose from, and a count of what is still
// open; then names for coded groups; then, folded away, the other columns, to check or correct.
// Choosing a question for a column brings its unknown answers into the list at once. Applying
// reads the file again with the mapping; the browser keeps the mapping, with the fingerprint of
// the file's headings, for the next file of the same form, and the reader can save it for
// `kennisbank scan --mapping`.

import * as L from "../logic";
import { $, chosenFile, download, el, list, plural, readText } from "./dom";
import { Opened, Page } from "./page";

// Why the step shows: something is not recognised; determinants are missing while unknown
// columns hold answers; the kept mapping was made for other headings; the reader asked.
export type Reason = "unknown" | "review" | "differs" | "change";

type Retry = (o: Opened, mapping: L.Mapping) => void;

let pending: Opened | null = null;

const SCALE_NAMES: Record<L.Family, string> = { eens5: "een stelling", janeeweetniet: "een ja/nee-vraag" };
const OPEN = "?"; // a list's value while nothing is chosen

export function hideMapping(): void {
  pending = null;
  $("scan-koppelen").hidden = true;
}

function explanation(o: Opened, reason: Reason): string {
  const keep = "De scan onthoudt je keuzes in deze browser voor het volgende bestand met precies dezelfde kolomkoppen.";
  switch (reason) {
    case "differs":
      return `De kolomkoppen van ${o.label} verschillen van die van het formulier waarvoor je eerder koppelde. Waar de kolomkoppen hetzelfde zijn, staan je keuzes van toen al ingevuld. Kijk na of ze bij dit formulier kloppen. ${keep}`;
    case "change":
      return `Hieronder staat hoe de scan ${o.label} nu leest. Verander wat niet klopt en kies ‘Koppeling toepassen’. ${keep}`;
    case "review":
      return `In ${o.label} ontbreken ${plural(o.team.missing.length, "vraag", "vragen")} van de scan, en er zijn kolommen met antwoorden die de scan niet kent. Staat een vraag van de scan in zo'n kolom? Kies dan welke. Anders kies je ‘niet gebruiken’. ${keep}`;
    default:
      return `De scan herkent niet alles in ${o.label}. Kies hieronder bij elke kolom welke vraag erin staat, en bij elk antwoord wat het betekent. ${keep}`;
  }
}

// showMapping draws the step for the file and moves the reader's focus to it.
export function showMapping(page: Page, o: Opened, reason: Reason): void {
  if (!page.kb) return;
  pending = o;
  $("scan-koppelen-uitleg").textContent = explanation(o, reason);
  showProblems(o.team.problems);
  columnItems(page.kb, o);
  $("scan-koppelen-antwoordlijst").textContent = "";
  $("scan-koppelen-groepenlijst").textContent = "";
  answerItems(o.team.unknownAnswers, o.mapping);
  groupNames(o.team, o.mapping);
  otherColumns(page.kb, o);
  const skipped = o.team.columns.filter((c) => c.metadata).map((c) => c.heading);
  $("scan-koppelen-overgeslagen").textContent = skipped.length ? `Deze kolommen van het formulier zelf slaat de scan over: ${list(skipped)}.` : "";
  $("scan-koppelen-fout").textContent = "";
  $("scan-koppelen-melding").textContent = "";
  count();
  $("scan-koppelen").hidden = false;
  $("koppelen-kop").focus();
  const open = openLists().length;
  page.say(open ? `Kies bij ${plural(open, "kolom of antwoord", "kolommen en antwoorden")} wat ${open === 1 ? "het is" : "ze zijn"}. De lijst staat onder ‘Kolommen en antwoorden koppelen’.` : "Kijk de koppeling na en kies ‘Koppeling toepassen’.");
}

function showProblems(problems: L.Problem[]): void {
  const box = $("scan-koppelen-problemen");
  box.textContent = "";
  for (const pr of problems) box.appendChild(el("li", {}, pr.message));
}

// samples shows a few values of a column, to help the reader recognise it.
function samples(o: Opened, index: number): string {
  const seen: string[] = [];
  for (let r = o.team.headingRows; r < o.sheet.rows.length && seen.length < 3; r++) {
    const v = (o.sheet.rows[r][index] || "").trim();
    if (v && seen.indexOf(v) < 0) seen.push(v.length > 40 ? v.slice(0, 39) + "…" : v);
  }
  return seen.length ? `Bijvoorbeeld: ${seen.join(" · ")}` : "Deze kolom is leeg.";
}

function determinantSelect(kb: L.KnowledgeBase, id: string, chosen: string, open: boolean): HTMLSelectElement {
  const s = el("select", { id, class: "scan-map-select" });
  if (open) s.appendChild(el("option", { value: OPEN }, "kies welke vraag erin staat"));
  s.appendChild(el("option", { value: "" }, "niet gebruiken"));
  for (const d of L.ordered(kb)) s.appendChild(el("option", { value: d.id }, `${d.number}. ${d.title}`));
  s.value = chosen;
  return s;
}

function columnRow(kb: L.KnowledgeBase, o: Opened, c: L.Column, open: boolean): HTMLElement {
  const id = `scan-kolom-${c.index}`;
  const row = el(open ? "li" : "div", { class: "scan-map-row" });
  row.appendChild(el("label", { for: id }, `Kolom ${c.letter}: ${c.heading}`));
  const hint = el("p", { id: id + "-hint", class: "hint" }, samples(o, c.index));
  const select = determinantSelect(kb, id, open && !c.determinant && !c.skipped ? OPEN : c.determinant, open && !c.determinant && !c.skipped);
  select.setAttribute("aria-describedby", hint.id);
  select.dataset.heading = c.heading;
  select.dataset.auto = c.how === "koppeling" ? "" : c.determinant;
  row.appendChild(select);
  row.appendChild(hint);
  return row;
}

// needsChoice: a column the reader settles in the list: it holds answers the scan cannot place,
// it clashes with another, or a mapping placed it.
function needsChoice(o: Opened, c: L.Column): boolean {
  const clash = o.team.problems.some((p) => p.column - 1 === c.index);
  return !c.metadata && c.heading !== "" && ((c.answers && !c.determinant) || clash || c.how === "koppeling");
}

function columnItems(kb: L.KnowledgeBase, o: Opened): void {
  const box = $("scan-koppelen-kolomlijst");
  box.textContent = "";
  for (const c of o.team.columns) if (needsChoice(o, c)) box.appendChild(columnRow(kb, o, c, true));
}

// otherColumns folds away the columns the reader may check or correct: recognised ones, and
// others that the scan does not use.
function otherColumns(kb: L.KnowledgeBase, o: Opened): void {
  const box = $("scan-koppelen-herkend");
  box.textContent = "";
  const listed = new Set(Array.from($("scan-koppelen-kolomlijst").querySelectorAll("select")).map((s) => s.id));
  const rest = o.team.columns.filter((c) => !c.metadata && c.heading !== "" && !listed.has(`scan-kolom-${c.index}`));
  if (rest.length === 0) return;
  const details = el("details", { class: "scan-map-known" });
  details.appendChild(el("summary", {}, `Andere kolommen nakijken (${rest.length})`));
  for (const c of rest) details.appendChild(columnRow(kb, o, c, false));
  box.appendChild(details);
}

// byValue sorts answers as a reader looks for them: by scale, then numbers by their value and
// words alphabetically.
function byValue(a: L.UnknownAnswer, b: L.UnknownAnswer): number {
  if (a.family !== b.family) return a.family === "eens5" ? -1 : 1;
  return a.value.localeCompare(b.value, "nl", { numeric: true, sensitivity: "base" });
}

function answerRow(u: L.UnknownAnswer, i: number, chosen: string): HTMLLIElement {
  const id = `scan-antwoord-${i}`;
  const row = el("li", { class: "scan-map-row" });
  const times = u.count > 1 ? `${u.count} keer; eerst in` : "in";
  row.appendChild(el("label", { for: id }, `Antwoord “${u.value}” bij ${SCALE_NAMES[u.family]} (${times} rij ${u.row}, kolom ${L.columnLetter(u.column)})`));
  const s = el("select", { id, class: "scan-map-select", "aria-required": "true" });
  s.dataset.family = u.family;
  s.dataset.value = u.value;
  s.appendChild(el("option", { value: OPEN }, "kies wat het betekent"));
  for (const code of L.answerCodes(u.family)) s.appendChild(el("option", { value: code }, u.family === "eens5" ? `${L.answerLabel(code)} (${code})` : L.answerLabel(code)));
  s.appendChild(el("option", { value: "" }, "geen antwoord (telt niet mee)"));
  s.value = chosen;
  row.appendChild(s);
  return row;
}

// answerItems lists the unknown answers, sorted, keeping what the reader already chose.
function answerItems(unknown: L.UnknownAnswer[], m: L.Mapping): number {
  const box = $("scan-koppelen-antwoordlijst");
  const before: Record<string, string> = {};
  for (const s of Array.from(box.querySelectorAll("select"))) before[`${s.dataset.family}\u0000${s.dataset.value}`] = s.value;
  box.textContent = "";
  let added = 0;
  unknown
    .slice()
    .sort(byValue)
    .forEach((u, i) => {
      const key = `${u.family}\u0000${u.value}`;
      if (before[key] === undefined) added++;
      const mapped = m.answers[u.family][u.value];
      box.appendChild(answerRow(u, i, before[key] !== undefined ? before[key] : mapped !== undefined ? mapped : OPEN));
    });
  return added;
}

// groupNames offers names for a group column's codes (A1, A2; 1, 2), keeping what the reader
// already typed.
function groupNames(team: L.Team, m: L.Mapping): void {
  const box = $("scan-koppelen-groepenlijst");
  const typed: Record<string, string> = {};
  for (const i of Array.from(box.querySelectorAll("input"))) typed[`${i.dataset.heading}\u0000${i.dataset.code}`] = i.value;
  box.textContent = "";
  const coded = team.groupColumns.filter((g) => g.codes.length > 0);
  $("scan-koppelen-groepen").hidden = coded.length === 0;
  coded.forEach((g, k) => {
    const names = m.groups[g.heading] || {};
    g.codes.forEach((code, i) => {
      const id = `scan-groepnaam-${k}-${i}`;
      const row = el("div", { class: "scan-map-row" });
      row.appendChild(el("label", { for: id }, `Kolom ${g.heading}: naam voor ‘${code}’`));
      const input = el("input", { type: "text", id, autocomplete: "off" });
      const before = typed[`${g.heading}\u0000${code}`];
      input.value = before !== undefined ? before : names[code] || "";
      input.dataset.heading = g.heading;
      input.dataset.code = code;
      row.appendChild(input);
      box.appendChild(row);
    });
  });
}

function openLists(): HTMLSelectElement[] {
  return Array.from($("scan-koppelen-form").querySelectorAll<HTMLSelectElement>("select")).filter((s) => s.value === OPEN);
}

// count shows how many columns and answers are still to be settled.
function count(): void {
  const all = $("scan-koppelen-form").querySelectorAll("#scan-koppelen-kolomlijst select, #scan-koppelen-antwoordlijst select").length;
  const open = openLists().length;
  $("scan-koppelen-teller").textContent = all === 0 ? "Er is niets meer te kiezen. Kijk de koppeling na en kies ‘Koppeling toepassen’." : open === 0 ? `Alles is gekozen (${all} van ${all}). Kies ‘Koppeling toepassen’.` : `Nog te kiezen: ${open} van ${all}.`;
}

// chosen reads the reader's choices as a mapping laid over the one the file was read with. A
// recognised column is written only when the reader changed it; what is still open is left out.
function chosen(base: L.Mapping): L.Mapping {
  const m = L.emptyMapping();
  for (const s of Array.from($("scan-koppelen-form").querySelectorAll<HTMLSelectElement>("select[data-heading]"))) {
    if (s.value !== OPEN && (s.value !== s.dataset.auto || s.dataset.auto === "")) m.columns[s.dataset.heading || ""] = s.value;
  }
  for (const s of Array.from($("scan-koppelen-antwoordlijst").querySelectorAll<HTMLSelectElement>("select"))) {
    if (s.value !== OPEN) m.answers[s.dataset.family as L.Family][s.dataset.value || ""] = s.value;
  }
  for (const i of Array.from($("scan-koppelen-groepenlijst").querySelectorAll<HTMLInputElement>("input"))) {
    const h = i.dataset.heading || "";
    if (!m.groups[h]) m.groups[h] = {};
    if (i.value.trim()) m.groups[h][i.dataset.code || ""] = i.value.trim();
  }
  return L.merge(base, m);
}

// columnChosen reads the file again with what is chosen so far: a column given a question
// brings the answers in it the scan does not know into the list, at once.
function columnChosen(page: Page): void {
  if (!pending || !page.kb) return;
  const read = L.readTeam(page.kb, pending.sheet, chosen(pending.mapping));
  if (read.ok) {
    const added = answerItems(read.value.unknownAnswers, pending.mapping);
    groupNames(read.value, pending.mapping);
    showProblems(read.value.problems);
    $("scan-koppelen-melding").textContent = added ? `${plural(added, "nieuw antwoord", "nieuwe antwoorden")} om te kiezen, in de lijst hieronder.` : "";
  }
  count();
}

function apply(page: Page, retry: Retry): void {
  if (!pending) return;
  const open = openLists();
  if (open.length) {
    $("scan-koppelen-fout").textContent = `Kies bij elk antwoord en elke kolom in de lijst wat het is. Er ${open.length === 1 ? "is er nog 1" : `zijn er nog ${open.length}`} open. Bij twijfel kies je ‘geen antwoord’ of ‘niet gebruiken’.`;
    open[0].focus();
    return;
  }
  retry(pending, chosen(pending.mapping));
}

export function initMapping(page: Page, retry: Retry): void {
  const form = $<HTMLFormElement>("scan-koppelen-form");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply(page, retry);
  });
  form.addEventListener("change", (e) => {
    const t = e.target as HTMLElement;
    if (t.dataset.heading !== undefined && t.tagName === "SELECT") columnChosen(page);
    else count();
  });
  $("scan-koppelen-annuleer").addEventListener("click", () => {
    hideMapping();
    page.say("Er is niets ingelezen. De uitkomst is niet veranderd.");
    $("scan-bestand").focus();
  });
  $("scan-koppeling-bewaar").addEventListener("click", () => {
    if (!pending) return;
    download("implementatiescan-koppeling.json", L.mappingJSON(L.forSheet(chosen(pending.mapping), pending.sheet)), "application/json");
    page.say("Het bestand implementatiescan-koppeling.json staat in je downloads. Gebruik het bij een volgend bestand van hetzelfde formulier, of met kennisbank scan --mapping.");
  });
  $("scan-koppeling-open").addEventListener("change", (e) => {
    const f = chosenFile(e.target as HTMLInputElement);
    if (!f || !pending || !page.kb) return;
    const o = pending;
    readText(f).then((text) => {
      const m = L.parseMapping(page.kb!, text);
      if (!m.ok) {
        $("scan-koppelen-fout").textContent = `${f.name}: ${m.message}`;
        return;
      }
      const read = L.readTeam(page.kb!, o.sheet, m.value);
      if (read.ok) showMapping(page, { ...o, mapping: m.value, team: read.value }, L.mappingFit(m.value, o.sheet) === "fits" ? "change" : "differs");
    });
  });
}
