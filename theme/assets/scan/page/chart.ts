// The diverging stacked bar chart, the usual picture of Likert answers: per determinant the share
// of unfavourable answers to the left of the zero line, favourable ones to the right, and the
// answers that are neither in a column of their own, so that both bars start at zero and can be
// read against the barrier and facilitator lines.

import * as L from "../logic";
import { percent, svg } from "./dom";

const ROW = 22;
const LABEL = 300;
const GAP = 36; // room for a value left of a full bar
const HALF = 170; // 100% on either side
const NEUTRAL = 70;
const TOP = 40;

function axes(s: SVGElement, center: number, neutralX: number, bottom: number): void {
  for (const p of [-1, -0.5, 0, 0.5, 1]) {
    const x = center + p * HALF;
    s.appendChild(svg("line", { x1: x, x2: x, y1: TOP - 6, y2: bottom, class: p === 0 ? "scan-zero" : "scan-grid" }));
    s.appendChild(svg("text", { x, y: TOP - 10, "text-anchor": "middle", class: "scan-axis" }, p === 0 ? "0" : percent(Math.abs(p))));
  }
  s.appendChild(svg("text", { x: center - HALF / 2, y: 12, "text-anchor": "middle", class: "scan-axis-title" }, "← ongunstig"));
  s.appendChild(svg("text", { x: center + HALF / 2, y: 12, "text-anchor": "middle", class: "scan-axis-title" }, "gunstig →"));
  s.appendChild(svg("text", { x: neutralX + NEUTRAL / 2, y: 12, "text-anchor": "middle", class: "scan-axis-title" }, "neutraal"));
}

function bars(s: SVGElement, t: L.Tally, y: number, center: number, neutralX: number): void {
  const label = `${t.number}. ${t.title}`;
  s.appendChild(svg("text", { x: LABEL - 8, y: y + 15, "text-anchor": "end", class: t.barrier ? "scan-label scan-label-barrier" : "scan-label" }, label.length > 38 ? label.slice(0, 37) + "…" : label));
  if (!t.answers) {
    s.appendChild(svg("text", { x: center, y: y + 15, "text-anchor": "middle", class: "scan-value" }, "geen antwoorden"));
    return;
  }
  const neg = t.negative * HALF;
  const pos = t.positive * HALF;
  s.appendChild(svg("rect", { x: center - neg, y: y + 4, width: neg, height: 14, class: t.barrier ? "scan-bar scan-bar-neg scan-bar-barrier" : "scan-bar scan-bar-neg" }));
  s.appendChild(svg("rect", { x: center, y: y + 4, width: pos, height: 14, class: t.facilitator ? "scan-bar scan-bar-pos scan-bar-facilitator" : "scan-bar scan-bar-pos" }));
  s.appendChild(svg("rect", { x: neutralX, y: y + 4, width: t.neutral * NEUTRAL, height: 14, class: "scan-bar scan-bar-neutral" }));
  if (t.negative > 0) s.appendChild(svg("text", { x: center - neg - 4, y: y + 15, "text-anchor": "end", class: "scan-value" }, percent(t.negative)));
  if (t.positive > 0) s.appendChild(svg("text", { x: center + pos + 4, y: y + 15, class: "scan-value" }, percent(t.positive)));
}

// divergingChart draws the chart; prefix makes the ids of its title and description unique.
export function divergingChart(a: L.Analysis, prefix: string): SVGElement {
  const center = LABEL + GAP + HALF;
  const neutralX = center + HALF + GAP + 8;
  const bottom = TOP + a.tallies.length * ROW + 4;
  const width = neutralX + NEUTRAL + 12;
  const height = bottom + 8;
  const s = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": `${prefix}-t ${prefix}-d`, class: "scan-svg" });
  s.appendChild(svg("title", { id: `${prefix}-t` }, "Ongunstige en gunstige antwoorden per determinant"));
  const barriers = a.barriers.map((b) => `${b.number}. ${b.title}`).join(", ");
  const facilitators = a.facilitators.map((b) => `${b.number}. ${b.title}`).join(", ");
  const desc = `${a.barriers.length ? `Belemmerend (minstens ${percent(a.thresholds.barrier)} ongunstig): ${barriers}.` : `Geen determinant heeft ${percent(a.thresholds.barrier)} of meer ongunstige antwoorden.`} ${a.facilitators.length ? `Bevorderend (minstens ${percent(a.thresholds.facilitator)} gunstig): ${facilitators}.` : "Geen determinant is bevorderend."}`;
  s.appendChild(svg("desc", { id: `${prefix}-d` }, desc));
  axes(s, center, neutralX, bottom);
  a.tallies.forEach((t, i) => bars(s, t, TOP + i * ROW, center, neutralX));
  const bx = center - a.thresholds.barrier * HALF;
  const fx = center + a.thresholds.facilitator * HALF;
  s.appendChild(svg("line", { x1: bx, x2: bx, y1: TOP - 4, y2: bottom + 4, class: "scan-threshold" }));
  s.appendChild(svg("line", { x1: fx, x2: fx, y1: TOP - 4, y2: bottom + 4, class: "scan-facilitator-line" }));
  return s;
}
