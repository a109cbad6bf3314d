// The strategies that answer the barriers, the reader's plan, and the plan as one printable A4
// document.

import * as L from "../logic";
import { $, decimal, el, percent, plural } from "./dom";
import { divergingChart } from "./chart";
import { Page } from "./page";
import { analysis, groupColumn } from "./state";

const FIRST = 10; // strategies shown before "toon alle"

export function reasonItem(r: L.Reason): HTMLLIElement {
  const li = el("li");
  li.appendChild(el("span", { class: `badge badge-${r.strength}` }, r.strength));
  li.appendChild(el("strong", {}, `${r.number}. ${r.title}`));
  li.appendChild(document.createTextNode(` (${percent(r.negative)} ongunstig)`));
  if (r.explanation) li.appendChild(document.createTextNode(`: ${r.explanation}`));
  li.appendChild(el("span", { class: "meta" }, ` Bron: ${r.sourceLabel}.`));
  return li;
}

function recommendation(page: Page, s: L.Recommendation): HTMLLIElement {
  const li = el("li", { class: "scan-rec" });
  const head = el("div", { class: "scan-rec-head" });
  const h = el("h3");
  h.appendChild(el("a", { href: page.rootURL + s.url }, s.title));
  head.appendChild(h);
  const label = el("label", { class: "scan-pick" });
  const box = el("input", { type: "checkbox", "data-plan": s.id });
  box.checked = page.state.plan.indexOf(s.id) >= 0;
  label.appendChild(box);
  label.appendChild(document.createTextNode(" In mijn plan"));
  label.appendChild(el("span", { class: "visually-hidden" }, `: ${s.title}`));
  head.appendChild(label);
  li.appendChild(head);
  li.appendChild(el("p", { class: "meta" }, `Score ${decimal(s.score)} · pakt ${plural(s.barriers.length, "belemmering", "belemmeringen")} aan`));
  const reasons = el("ul", { class: "scan-reasons" });
  for (const r of s.reasons) reasons.appendChild(reasonItem(r));
  li.appendChild(reasons);
  return li;
}

export function renderRecommendations(page: Page, a: L.Analysis): void {
  const list = $("scan-strategieen");
  list.textContent = "";
  const more = $<HTMLButtonElement>("scan-meer");
  if (a.strategies.length === 0) {
    list.appendChild(el("li", { class: "scan-none" }, a.barriers.length ? "Er zijn geen strategieën gekoppeld aan deze belemmeringen." : "Er zijn geen belemmerende determinanten, dus ook geen strategieën om te kiezen."));
    more.hidden = true;
    return;
  }
  for (const s of page.showAll ? a.strategies : a.strategies.slice(0, FIRST)) list.appendChild(recommendation(page, s));
  more.hidden = a.strategies.length <= FIRST;
  more.textContent = page.showAll ? `Toon alleen de eerste ${FIRST}` : `Toon alle ${a.strategies.length} strategieën`;
  more.setAttribute("aria-expanded", String(page.showAll));
}

export function renderPlan(page: Page, a: L.Analysis | null): void {
  const ul = $("scan-plan");
  ul.textContent = "";
  $("scan-plan-leeg").hidden = page.state.plan.length > 0;
  for (const id of page.state.plan) {
    const rec = a ? a.strategies.filter((s) => s.id === id)[0] : undefined;
    const st = page.kb ? page.kb.strategies.filter((s) => s.id === id)[0] : undefined;
    if (!st) continue;
    const li = el("li");
    li.appendChild(el("a", { href: page.rootURL + st.url }, st.title));
    const numbers = rec ? rec.reasons.map((r) => r.number).filter((n, i, all) => all.indexOf(n) === i) : [];
    li.appendChild(el("span", { class: "meta" }, rec ? ` · pakt aan: ${numbers.join(", ")}` : " · pakt geen van de huidige belemmeringen aan"));
    const rm = el("button", { type: "button", class: "link-button", "data-remove": id }, "Haal uit plan");
    rm.appendChild(el("span", { class: "visually-hidden" }, `: ${st.title}`));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(rm);
    ul.appendChild(li);
  }
}

function printIntro(page: Page, a: L.Analysis, out: HTMLElement): void {
  const s = page.state;
  out.appendChild(el("h1", {}, `Implementatieplan${s.name ? ": " + s.name : ""}`));
  const d = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  const who = s.mode === "team" ? `de antwoorden van ${plural(a.respondents, "respondent", "respondenten")}${s.team ? ` (${s.team.label})` : ""}` : "de antwoorden van één persoon";
  out.appendChild(el("p", {}, `Gemaakt op ${d} met de implementatiescan, op basis van ${who}. Een determinant is belemmerend vanaf ${percent(a.thresholds.barrier)} ongunstige antwoorden en bevorderend vanaf ${percent(a.thresholds.facilitator)} gunstige antwoorden.`));
  for (const [title, items, none] of [
    ["Belemmerende determinanten", a.barriers, "Geen."],
    ["Bevorderende determinanten", a.facilitators, "Geen."],
  ] as [string, L.Tally[], string][]) {
    out.appendChild(el("h2", {}, title));
    if (!items.length) out.appendChild(el("p", {}, none));
    const ul = el("ul");
    for (const b of items) ul.appendChild(el("li", {}, `${b.number}. ${b.title}: ${percent(b.negative)} ongunstig, ${percent(b.positive)} gunstig (${plural(b.answers, "antwoord", "antwoorden")})`));
    if (items.length) out.appendChild(ul);
  }
  const fig = el("figure", { class: "scan-chart" });
  fig.appendChild(divergingChart(a, "print-grafiek"));
  fig.appendChild(el("figcaption", {}, "Per determinant het deel ongunstige antwoorden (links) en gunstige antwoorden (rechts); neutraal staat apart. De gestreepte lijn links is de grens voor belemmerend, de gestippelde lijn rechts die voor bevorderend."));
  out.appendChild(fig);
}

// printTables copies the tables the reader sees (groups, comparison) into the print view.
function printTables(out: HTMLElement, page: Page): void {
  if (groupColumn(page.state) && !$("scan-groepen-tabel-vak").hidden) {
    out.appendChild(el("h2", {}, `Groepen: ${groupColumn(page.state)}`));
    out.appendChild(el("p", {}, $("scan-groepen-info").textContent || ""));
    out.appendChild($("scan-groepen-tabel").cloneNode(true));
  }
  if (page.state.earlier && !$("scan-vergelijking").hidden) {
    out.appendChild(el("h2", {}, "Vergeleken met de eerdere meting"));
    out.appendChild(el("p", {}, $("scan-vergelijking-samenvatting").textContent || ""));
    out.appendChild($("scan-vergelijking-grafiek").cloneNode(true));
    out.appendChild($("scan-vergelijking-tabel").cloneNode(true));
  }
  out.querySelectorAll("[id]").forEach((e) => e.removeAttribute("id"));
}

function printPlan(page: Page, a: L.Analysis, out: HTMLElement): void {
  out.appendChild(el("h2", {}, "Gekozen strategieën"));
  const chosen = page.state.plan.map((id) => a.strategies.filter((s) => s.id === id)[0] || page.kb!.strategies.filter((s) => s.id === id)[0]).filter(Boolean);
  if (!chosen.length) out.appendChild(el("p", {}, "Je hebt nog geen strategieën gekozen."));
  const ol = el("ol", { class: "scan-print-plan" });
  for (const s of chosen) {
    const li = el("li");
    li.appendChild(el("h3", {}, s.title));
    li.appendChild(el("p", { class: "meta" }, new URL(page.rootURL + s.url, location.href).href));
    const rec = s as L.Recommendation;
    if (rec.reasons && rec.reasons.length) {
      li.appendChild(el("p", {}, "Waarom: deze strategie pakt deze belemmeringen aan."));
      const ul = el("ul");
      for (const r of rec.reasons) ul.appendChild(reasonItem(r));
      li.appendChild(ul);
    } else li.appendChild(el("p", {}, "Deze strategie pakt geen van de huidige belemmeringen aan."));
    ol.appendChild(li);
  }
  out.appendChild(ol);
}

// renderPrint makes the printable plan (shown only when printing).
export function renderPrint(page: Page, a: L.Analysis | null): void {
  const out = $("scan-afdruk");
  out.textContent = "";
  if (!a || !page.kb) return;
  printIntro(page, a, out);
  const tables = el("div");
  printTables(tables, page);
  out.appendChild(tables);
  printPlan(page, a, out);
  out.appendChild(el("p", { class: "scan-source" }, "De standaardgrenzen voor belemmerend (20%) en bevorderend (80%) worden gebruikt in onderzoek met de MIDI, bijvoorbeeld door Dugstad, J., Sundling, V., Nilsen, E. R., & Eide, H. (2020), BMC Health Services Research, 20, 163. https://doi.org/10.1186/s12913-020-4998-9"));
}

export function initPlan(page: Page): void {
  $("scan-strategieen").addEventListener("change", (e) => {
    const box = e.target as HTMLInputElement;
    const id = box.dataset.plan;
    if (!id) return;
    page.state.plan = page.state.plan.filter((x) => x !== id);
    if (box.checked) page.state.plan.push(id);
    page.save();
    // Only the plan changes: the list keeps its boxes, and the reader's focus stays where it is.
    const a = analysis(page.kb, page.state);
    renderPlan(page, a);
    renderPrint(page, a);
    page.say(box.checked ? "Toegevoegd aan je plan." : "Uit je plan gehaald.");
  });
  $("scan-plan").addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-remove]");
    if (!b) return;
    page.state.plan = page.state.plan.filter((x) => x !== b.dataset.remove);
    page.save();
    page.render();
    page.say("Uit je plan gehaald.");
    $("plan-kop").focus();
  });
  $("scan-meer").addEventListener("click", () => {
    page.showAll = !page.showAll;
    page.render();
  });
  $("scan-afdrukken").addEventListener("click", () => {
    page.render();
    window.print();
  });
}
