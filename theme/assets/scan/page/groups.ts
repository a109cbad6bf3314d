// Groups side by side: the share of unfavourable answers per determinant, for the team and for
// every group the logic lets the page show (groups.ts: at least five people, and the rest), and
// what is not shown, and why. The groups come from the team's summary; while the file is open,
// the reader can split it by another column.

import * as L from "../logic";
import { $, columnHeads, dataCell, el, list, percent, rowHeader, tableRow } from "./dom";
import { Page } from "./page";
import { groupColumn } from "./state";

function groupName(name: string): string {
  return name === "" ? "(leeg)" : name;
}

// groupsNote says which groups are not shown, and why, in words a team can take.
function groupsNote(g: L.Groups): string {
  const parts: string[] = [];
  if (g.small === 1) parts.push(`1 groep heeft minder dan ${L.MIN_GROUP} mensen. Die groep laten we niet apart zien, zodat niemand herkenbaar is.`);
  if (g.small > 1) parts.push(`${g.small} groepen hebben minder dan ${L.MIN_GROUP} mensen. Die laten we niet apart zien, zodat niemand herkenbaar is.`);
  if (g.alsoHidden.length > 0) parts.push(`Ook de groep${g.alsoHidden.length > 1 ? "en" : ""} ${list(g.alsoHidden.map(groupName))} laten we niet apart zien: anders kun je de antwoorden van de kleine groepen uitrekenen uit het totaal.`);
  if (parts.length) parts.push("Hun antwoorden tellen wel mee in het totaal.");
  return parts.join(" ");
}

function cell(label: string, t: L.Tally, hidden: boolean): HTMLTableCellElement {
  if (hidden) return dataCell(label, "te weinig antwoorden", { class: "scan-muted" });
  if (!t.answers) return dataCell(label, "—");
  const value = el("span", {}, percent(t.negative));
  if (t.barrier) value.appendChild(el("span", { class: "scan-tag" }, " belemmerend"));
  return dataCell(label, value, t.barrier ? { class: "scan-cell-barrier" } : {});
}

function table(total: L.Analysis, g: L.Groups, rootURL: string): void {
  const tbl = $<HTMLTableElement>("scan-groepen-tabel");
  const heads = ["Determinant", `Totaal (${total.respondents})`].concat(g.shown.map((x) => `${groupName(x.name)} (${x.respondents})`));
  columnHeads(tbl.tHead!.rows[0], heads);
  const body = tbl.tBodies[0];
  body.textContent = "";
  total.tallies.forEach((t, k) => {
    const tr = tableRow();
    tr.appendChild(rowHeader(el("a", { href: rootURL + t.url }, `${t.number}. ${t.title}`)));
    tr.appendChild(cell(heads[1], t, false));
    g.shown.forEach((x, i) => tr.appendChild(cell(heads[i + 2], x.tallies[k], x.hidden.indexOf(t.id) >= 0)));
    body.appendChild(tr);
  });
}

// choices are the columns the reader can compare by: every one of the open file, or, after a
// reload, the one kept.
function choices(page: Page): string[] {
  const t = page.state.mode === "team" ? page.state.team : null;
  if (!t) return [];
  return page.opened ? t.groupColumns : t.summary.groups ? [t.summary.groups.column] : [];
}

// renderGroups fills the group choice and, when a column is chosen, the table.
export function renderGroups(page: Page, a: L.Analysis): L.Groups | null {
  const columns = choices(page);
  $("scan-groepen").hidden = columns.length === 0;
  const select = $<HTMLSelectElement>("scan-groep");
  select.textContent = "";
  select.appendChild(el("option", { value: "" }, "niet vergelijken"));
  for (const c of columns) select.appendChild(el("option", { value: c }, c));
  select.value = groupColumn(page.state);
  $("scan-groep-opnieuw").hidden = !!page.opened || !page.state.team || page.state.team.groupColumns.length <= 1;
  const split = page.state.team && page.state.team.summary.groups;
  const box = $("scan-groepen-tabel-vak");
  if (!split || !page.kb) {
    box.hidden = true;
    $("scan-groepen-info").textContent = "";
    return null;
  }
  const g = L.groupsOf(page.kb, split, page.state.thresholds);
  const shown = g.shown.length ? "De tabel laat per groep het deel ongunstige antwoorden zien." : "Er is geen groep die de scan apart kan laten zien.";
  $("scan-groepen-info").textContent = `${shown} ${groupsNote(g)}`.trim();
  box.hidden = g.shown.length === 0;
  if (g.shown.length) table(a, g, page.rootURL);
  return g;
}

// regroup splits the open file's team by the column, or by none.
function regroup(page: Page, column: string): void {
  const t = page.state.team;
  if (!t || !page.kb) return;
  if (column === "") delete t.summary.groups;
  else if (page.opened) {
    const g = page.opened.team.groupColumns.filter((x) => x.heading === column)[0];
    t.summary = L.summarise(page.kb, page.opened.team.answers, g);
  }
}

export function initGroups(page: Page): void {
  $("scan-groep").addEventListener("change", (e) => {
    regroup(page, (e.target as HTMLSelectElement).value);
    page.save();
    page.render();
    page.say(groupColumn(page.state) ? `De groepen staan naast elkaar in de tabel onder ‘Groepen vergelijken’.` : "Je vergelijkt geen groepen meer.");
  });
}
