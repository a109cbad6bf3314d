// The charts, drawn in HTML with widths in percent, so that they fit any screen from 320 px up
// and every label stands in full (it wraps, and on a narrow screen stands above its bars):
//
// - the diverging stacked bar chart, the usual picture of Likert answers: per determinant the
//   share of unfavourable answers to the left of the zero line, favourable ones to the right, and
//   the answers that are neither in a box of their own, so that both bars start at zero and can
//   be read against the barrier and facilitator lines;
// - the chart of a measurement against an earlier one: per determinant the share of unfavourable
//   answers then and now, against the barrier line.
//
// Each is one image for a screen reader, named and described by text that says what it shows;
// the tables beside them hold the same numbers.

import * as L from "../logic";
import { el, list, percent } from "./dom";

const label = (t: { number: number; title: string }): string => `${t.number}. ${t.title}`;

// frame makes the chart's box, with its name and description as text for screen readers.
function frame(prefix: string, cls: string, title: string, description: string): HTMLElement {
  const box = el("div", { class: `scan-bars ${cls}`, role: "img", "aria-labelledby": `${prefix}-t ${prefix}-d` });
  box.appendChild(el("p", { id: `${prefix}-t`, class: "visually-hidden" }, title));
  box.appendChild(el("p", { id: `${prefix}-d`, class: "visually-hidden" }, description));
  return box;
}

// bar is a bar of width share (0..1) of its track.
function bar(cls: string, share: number): HTMLElement {
  const b = el("span", { class: `scan-bar ${cls}` });
  b.style.width = `${share * 100}%`;
  return b;
}

// line is a threshold line at share (0..1) of its track, from the side given.
function line(cls: string, side: "left" | "right", share: number): HTMLElement {
  const l = el("span", { class: cls });
  l.style[side] = `${share * 100}%`;
  return l;
}

function divergingRow(t: L.Tally, a: L.Analysis): HTMLElement {
  const row = el("div", { class: t.barrier ? "scan-bar-row scan-bar-row-barrier" : "scan-bar-row" });
  row.appendChild(el("span", { class: "scan-bar-label" }, label(t)));
  const track = el("span", { class: "scan-bar-track" });
  const left = el("span", { class: "scan-bar-half scan-bar-left" });
  const right = el("span", { class: "scan-bar-half scan-bar-right" });
  left.appendChild(bar(t.barrier ? "scan-bar-neg scan-bar-barrier" : "scan-bar-neg", t.negative));
  left.appendChild(line("scan-threshold", "right", a.thresholds.barrier));
  right.appendChild(bar(t.facilitator ? "scan-bar-pos scan-bar-facilitator" : "scan-bar-pos", t.positive));
  right.appendChild(line("scan-facilitator-line", "left", a.thresholds.facilitator));
  track.append(left, right);
  const neutral = el("span", { class: "scan-bar-box" });
  neutral.appendChild(bar("scan-bar-neutral", t.neutral));
  row.append(track, neutral);
  const values = t.answers ? `${percent(t.negative)} ongunstig · ${percent(t.neutral)} neutraal · ${percent(t.positive)} gunstig` : "geen antwoorden";
  row.appendChild(el("span", { class: "scan-bar-values" }, values));
  return row;
}

// divergingChart draws the outcome; prefix makes the ids of its name and description unique.
export function divergingChart(a: L.Analysis, prefix: string): HTMLElement {
  const barriers = a.barriers.map(label).join(", ");
  const facilitators = a.facilitators.map(label).join(", ");
  const desc = `${a.barriers.length ? `Belemmerend (minstens ${percent(a.thresholds.barrier)} ongunstig): ${barriers}.` : `Geen determinant heeft ${percent(a.thresholds.barrier)} of meer ongunstige antwoorden.`} ${a.facilitators.length ? `Bevorderend (minstens ${percent(a.thresholds.facilitator)} gunstig): ${facilitators}.` : "Geen determinant is bevorderend."}`;
  const box = frame(prefix, "scan-diverging", "Ongunstige en gunstige antwoorden per determinant", desc);
  const head = el("div", { class: "scan-bar-row scan-bar-head", "aria-hidden": "true" });
  head.append(el("span", { class: "scan-bar-label" }, ""), el("span", { class: "scan-bar-track" }, ""), el("span", { class: "scan-bar-box" }, "neutraal"));
  head.children[1].append(el("span", { class: "scan-bar-half scan-bar-left" }, "← ongunstig"), el("span", { class: "scan-bar-half scan-bar-right" }, "gunstig →"));
  box.appendChild(head);
  for (const t of a.tallies) box.appendChild(divergingRow(t, a));
  return box;
}

function compareRow(r: L.ComparisonRow, t: L.Thresholds): HTMLElement {
  const row = el("div", { class: r.barrierNow ? "scan-bar-row scan-bar-row-barrier" : "scan-bar-row" });
  row.appendChild(el("span", { class: "scan-bar-label" }, label(r)));
  const track = el("span", { class: "scan-bar-track scan-bar-pair" });
  for (const [cls, share] of [["scan-bar-then", r.before], ["scan-bar-now", r.now]] as [string, number | null][]) {
    const lane = el("span", { class: "scan-bar-lane" });
    lane.appendChild(bar(cls, share || 0));
    lane.appendChild(line("scan-threshold", "left", t.barrier));
    track.appendChild(lane);
  }
  row.appendChild(track);
  const share = (x: number | null) => (x === null ? "geen antwoorden" : `${percent(x)} ongunstig`);
  row.appendChild(el("span", { class: "scan-bar-values" }, `toen ${share(r.before)} · nu ${share(r.now)}`));
  return row;
}

// comparisonChart draws the share of unfavourable answers per determinant then and now.
export function comparisonChart(c: L.Comparison, t: L.Thresholds, prefix: string): HTMLElement {
  const names = (ids: string[]) => list(c.rows.filter((r) => ids.indexOf(r.id) >= 0).map(label)) || "geen";
  const desc = `Per determinant het deel ongunstige antwoorden bij de eerdere meting en nu, met de grens voor belemmerend bij ${percent(t.barrier)}. Opgelost: ${names(c.solved)}. Nieuw: ${names(c.added)}. Nog steeds belemmerend: ${names(c.remaining)}.`;
  const box = frame(prefix, "scan-compare-chart", "Ongunstige antwoorden toen en nu", desc);
  const legend = el("div", { class: "scan-bar-legend", "aria-hidden": "true" });
  legend.append(el("span", { class: "scan-key scan-key-then" }, "toen"), el("span", { class: "scan-key scan-key-now" }, "nu"), el("span", { class: "scan-key scan-key-line" }, `grens belemmerend (${percent(t.barrier)})`));
  box.appendChild(legend);
  for (const r of c.rows) box.appendChild(compareRow(r, t));
  return box;
}
