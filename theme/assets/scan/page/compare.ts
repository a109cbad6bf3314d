// Measuring again: an earlier result (a saved scan) beside the one now, per determinant the share
// of unfavourable answers then and now, and which barriers were solved or are new.

import * as L from "../logic";
import { comparisonChart } from "./chart";
import { $, chosenFile, columnHeads, dataCell, list, percent, plural, readText, rowHeader, tableRow } from "./dom";
import { Page } from "./page";

function share(x: number | null): string {
  return x === null ? "—" : percent(x);
}

function change(r: L.ComparisonRow): string {
  if (r.before === null || r.now === null) return "—";
  const d = Math.round(r.now * 100) - Math.round(r.before * 100);
  return d === 0 ? "gelijk" : `${d > 0 ? "+" : "−"}${Math.abs(d)} ${Math.abs(d) === 1 ? "procentpunt" : "procentpunten"}`;
}

function status(r: L.ComparisonRow): string {
  if (r.barrierBefore && !r.barrierNow) return "opgelost";
  if (!r.barrierBefore && r.barrierNow) return "nieuw";
  return r.barrierNow ? "nog steeds" : "—";
}

function names(c: L.Comparison, ids: string[]): string {
  return list(c.rows.filter((r) => ids.indexOf(r.id) >= 0).map((r) => `${r.number}. ${r.title}`));
}

function summary(c: L.Comparison): string {
  const when = c.earlier.date ? ` van ${new Date(c.earlier.date + "T12:00:00").toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" })}` : "";
  const parts = [`Vergeleken met de meting${when} (${c.earlier.label}, ${plural(c.earlier.respondents, "respondent", "respondenten")}).`];
  parts.push(c.solved.length ? `Opgelost: ${names(c, c.solved)}.` : "Er is geen belemmering opgelost.");
  parts.push(c.added.length ? `Nieuw: ${names(c, c.added)}.` : "Er is geen nieuwe belemmering.");
  if (c.remaining.length) parts.push(`Nog steeds belemmerend: ${names(c, c.remaining)}.`);
  return parts.join(" ");
}

// renderComparison shows the comparison, or hides it when there is no earlier result.
export function renderComparison(page: Page, a: L.Analysis): L.Comparison | null {
  const box = $("scan-vergelijking");
  const e = page.state.earlier;
  if (!e || !page.kb) {
    box.hidden = true;
    return null;
  }
  const c = L.compare(page.kb, a.tallies, e, a.thresholds);
  $("scan-vergelijking-samenvatting").textContent = summary(c);
  const chart = $("scan-vergelijking-grafiek");
  chart.textContent = "";
  chart.appendChild(comparisonChart(c, a.thresholds, "vergelijking"));
  const tbl = $<HTMLTableElement>("scan-vergelijking-tabel");
  const heads = ["Determinant", "Toen", "Nu", "Verschil", "Belemmering"];
  columnHeads(tbl.tHead!.rows[0], heads);
  const body = tbl.tBodies[0];
  body.textContent = "";
  for (const r of c.rows) {
    const tr = tableRow(r.barrierNow || r.barrierBefore ? { class: "scan-row-barrier" } : {});
    tr.appendChild(rowHeader(`${r.number}. ${r.title}`));
    [share(r.before), share(r.now), change(r), status(r)].forEach((text, i) => tr.appendChild(dataCell(heads[i + 1], text)));
    body.appendChild(tr);
  }
  box.hidden = false;
  return c;
}

export function initComparison(page: Page): void {
  $("scan-eerder").addEventListener("change", (e) => {
    const f = chosenFile(e.target as HTMLInputElement);
    if (!f || !page.kb) return;
    readText(f).then((text) => {
      const r = L.readEarlier(page.kb!, text, f.name, page.state.thresholds);
      if (!r.ok) {
        page.warn(`${f.name}: ${r.message} Er is niets veranderd.`);
        return;
      }
      page.warn("");
      page.state.earlier = r.value;
      page.save();
      page.render();
      page.say("De vergelijking met de eerdere meting staat onder ‘Vergelijken met een eerdere meting’.");
    });
  });
  $("scan-vergelijking-weg").addEventListener("click", () => {
    page.state.earlier = null;
    page.save();
    page.render();
    page.say("De vergelijking is weggehaald.");
    $("scan-eerder").focus();
  });
}
