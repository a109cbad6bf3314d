// The outcome: a summary, the diverging bar chart and a table with the same numbers, groups side
// by side and the comparison with an earlier measurement; the thresholds the reader may change.

import * as L from "../logic";
import { renderComparison } from "./compare";
import { $, columnHeads, dataCell, el, percent, plural, rowHeader, tableRow } from "./dom";
import { divergingChart } from "./chart";
import { renderGroups } from "./groups";
import { Page } from "./page";
import { progress } from "./questionnaire";

export const verdict = (t: L.Tally): string => (t.answers === 0 ? "geen antwoord" : t.barrier ? "belemmerend" : t.facilitator ? "bevorderend" : "—");

function summary(page: Page, a: L.Analysis): string {
  const s = page.state;
  let basis: string;
  if (s.mode === "alleen") {
    const p = progress(page);
    basis = `Je hebt ${p.answered} van de ${p.total} vragen beantwoord.`;
  } else basis = `${plural(a.respondents, "respondent", "respondenten")} uit ${s.team!.label}.`;
  return `${basis} ${plural(a.barriers.length, "determinant is", "determinanten zijn")} belemmerend en ${plural(a.facilitators.length, "is", "zijn")} bevorderend.`;
}

function table(page: Page, a: L.Analysis): void {
  const alone = page.state.mode === "alleen";
  const cols = alone ? ["Determinant", "Jouw antwoord", "Uitkomst"] : ["Determinant", "Antwoorden", "Ongunstig", "Neutraal", "Gunstig", "Uitkomst"];
  columnHeads($<HTMLTableElement>("scan-tabel").tHead!.rows[0], cols);
  const body = $<HTMLTableElement>("scan-tabel").tBodies[0];
  body.textContent = "";
  for (const t of a.tallies) {
    const tr = tableRow(t.barrier ? { class: "scan-row-barrier" } : {});
    tr.appendChild(rowHeader(el("a", { href: page.rootURL + t.url }, `${t.number}. ${t.title}`)));
    const dash = (x: number) => (t.answers ? percent(x) : "—");
    const cells = alone ? [L.answerLabel(page.state.answers[t.id] || "") || "niet beantwoord"] : [String(t.answers), dash(t.negative), dash(t.neutral), dash(t.positive)];
    cells.forEach((c, i) => tr.appendChild(dataCell(cols[i + 1], c)));
    tr.appendChild(dataCell("Uitkomst", verdict(t)));
    body.appendChild(tr);
  }
}

// renderResults draws the outcome of the analysis, or hides it without one.
export function renderResults(page: Page, a: L.Analysis | null): void {
  page.root.classList.toggle("scan-has-result", a !== null);
  $("scan-uitkomst").hidden = a === null;
  if (!a) return;
  $("scan-samenvatting").textContent = summary(page, a);
  const box = $("scan-grafiek");
  box.textContent = "";
  box.appendChild(divergingChart(a, "grafiek"));
  table(page, a);
  renderGroups(page, a);
  renderComparison(page, a);
}

// syncThresholds makes the threshold fields, and the hint that says what they mean, show the
// state.
export function syncThresholds(page: Page): void {
  $<HTMLInputElement>("scan-grens-b").value = String(Math.round(page.state.thresholds.barrier * 10000) / 100);
  $<HTMLInputElement>("scan-grens-f").value = String(Math.round(page.state.thresholds.facilitator * 10000) / 100);
  thresholdHint(page.state.thresholds);
}

function thresholdHint(t: L.Thresholds): void {
  $("scan-grenzen-nu").textContent = `Een determinant is belemmerend als minstens ${percent(t.barrier)} van de antwoorden ongunstig is, en bevorderend als minstens ${percent(t.facilitator)} gunstig is.`;
}

function readThreshold(id: string): number | null {
  const input = $<HTMLInputElement>(id);
  const v = Number(input.value.replace(",", "."));
  const ok = input.value.trim() !== "" && isFinite(v) && v >= 1 && v <= 100;
  input.setAttribute("aria-invalid", String(!ok));
  return ok ? v / 100 : null;
}

export function initResults(page: Page): void {
  const form = $<HTMLFormElement>("scan-grenzen");
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("input", () => {
    const b = readThreshold("scan-grens-b");
    const f = readThreshold("scan-grens-f");
    if (b === null || f === null) {
      page.warn("Vul bij de grenzen een getal van 1 tot en met 100 in.");
      return;
    }
    page.warn("");
    page.state.thresholds = { barrier: b, facilitator: f };
    thresholdHint(page.state.thresholds);
    page.save();
    page.render();
  });
}
