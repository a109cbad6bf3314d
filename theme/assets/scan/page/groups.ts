// Groups side by side: the share of unfavourable answers per determinant, for the team and for
// every group of at least five; what is not shown, and why.

import * as L from "../logic";
import { $, el, list, percent, plural } from "./dom";
import { Page } from "./page";
import { groupColumn } from "./state";

function groupName(name: string): string {
  return name === "" ? "(leeg)" : name;
}

// groupsNote says which groups are not shown, and why, in words a team can take.
function groupsNote(g: L.Groups): string {
  const parts: string[] = [];
  if (g.small > 0) parts.push(`${plural(g.small, "groep heeft", "groepen hebben")} minder dan ${L.MIN_GROUP} mensen. Die ${g.small === 1 ? "laat" : "laten"} we niet apart zien, zodat niemand herkenbaar is.`);
  if (g.alsoHidden.length > 0) parts.push(`Ook ${list(g.alsoHidden.map(groupName))} laten we niet apart zien: anders kun je de antwoorden van de kleine groepen uitrekenen uit het totaal.`);
  if (parts.length) parts.push("Hun antwoorden tellen wel mee in het totaal.");
  return parts.join(" ");
}

function cell(t: L.Tally, hidden: boolean): HTMLTableCellElement {
  if (hidden) return el("td", { class: "scan-muted" }, "te weinig antwoorden");
  if (!t.answers) return el("td", {}, "—");
  const td = el("td", t.barrier ? { class: "scan-cell-barrier" } : {}, percent(t.negative));
  if (t.barrier) td.appendChild(el("span", { class: "scan-tag" }, " belemmerend"));
  return td;
}

function table(total: L.Analysis, g: L.Groups, rootURL: string): void {
  const tbl = $<HTMLTableElement>("scan-groepen-tabel");
  const head = tbl.tHead!.rows[0];
  head.textContent = "";
  head.appendChild(el("th", { scope: "col" }, "Determinant"));
  head.appendChild(el("th", { scope: "col" }, `Totaal (${total.respondents})`));
  for (const x of g.shown) head.appendChild(el("th", { scope: "col" }, `${groupName(x.name)} (${x.respondents})`));
  const body = tbl.tBodies[0];
  body.textContent = "";
  total.tallies.forEach((t, k) => {
    const tr = el("tr");
    const th = el("th", { scope: "row" });
    th.appendChild(el("a", { href: rootURL + t.url }, `${t.number}. ${t.title}`));
    tr.appendChild(th);
    tr.appendChild(cell(t, false));
    for (const x of g.shown) tr.appendChild(cell(x.tallies[k], x.hidden.indexOf(t.id) >= 0));
    body.appendChild(tr);
  });
}

// renderGroups fills the group choice and, when a column is chosen, the table.
export function renderGroups(page: Page, a: L.Analysis): L.Groups | null {
  const s = page.state;
  const section = $("scan-groepen");
  const columns = s.mode === "team" && s.team ? s.team.groupColumns : [];
  section.hidden = columns.length === 0;
  const select = $<HTMLSelectElement>("scan-groep");
  select.textContent = "";
  select.appendChild(el("option", { value: "" }, "niet vergelijken"));
  for (const c of columns) select.appendChild(el("option", { value: c.heading }, c.heading));
  const chosen = groupColumn(s);
  select.value = chosen ? chosen.heading : "";
  const box = $("scan-groepen-tabel-vak");
  if (!chosen || !page.kb) {
    box.hidden = true;
    $("scan-groepen-info").textContent = "";
    return null;
  }
  const g = L.groupsOf(page.kb, L.answersOf(page.kb, s.team!.respondents), chosen.values, chosen.heading, s.thresholds);
  const shown = g.shown.length ? `De tabel laat per groep het deel ongunstige antwoorden zien.` : "Er is geen groep die de scan apart kan laten zien.";
  $("scan-groepen-info").textContent = `${shown} ${groupsNote(g)}`.trim();
  box.hidden = g.shown.length === 0;
  if (g.shown.length) table(a, g, page.rootURL);
  return g;
}

export function initGroups(page: Page): void {
  $("scan-groep").addEventListener("change", (e) => {
    page.state.group = (e.target as HTMLSelectElement).value;
    page.save();
    page.render();
    page.say(page.state.group ? `De groepen staan naast elkaar in de tabel onder ‘Groepen vergelijken’.` : "Je vergelijkt geen groepen meer.");
  });
}
