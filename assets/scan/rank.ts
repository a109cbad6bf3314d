// Ranking: the strategies linked to the barriers, best first, each with the links that make it
// count.

import { Determinant, KnowledgeBase, Strategy, table } from "./kb";
import { EPS, Tally } from "./tally";

// Link weights in the ranking: a core link counts twice an additional one.
export const WEIGHTS: Record<string, number> = { kern: 1, aanvullend: 0.5 };

// Reason is one link through which a strategy answers a barrier.
export interface Reason {
  determinant: string;
  number: number;
  title: string;
  negative: number; // the barrier's share of negative answers
  strength: string;
  source: string;
  sourceLabel: string;
  explanation: string;
}

export interface Recommendation {
  id: string;
  title: string;
  url: string;
  summary: string;
  score: number;
  barriers: string[]; // determinant ids, in determinant order
  reasons: Reason[];
}

// rank scores every strategy linked to a barrier: per barrier it addresses, the weight of its
// strongest link to it (kern 1, aanvullend 0.5) times the barrier's share of negative answers.
// Higher scores first; ties go to the strategy that addresses more barriers, then more core links,
// then the knowledge base's order (Dutch alphabetical).
export function rank(kb: KnowledgeBase, tallies: Tally[]): Recommendation[] {
  const strategies: Record<string, { s: Strategy; index: number }> = table({});
  kb.strategies.forEach((s, index) => (strategies[s.id] = { s, index }));
  const labels: Record<string, string> = table({});
  for (const s of kb.sources) labels[s.id] = s.label;
  const dets: Record<string, Determinant> = table({});
  for (const d of kb.determinants) dets[d.id] = d;

  interface Acc {
    rec: Recommendation;
    index: number;
    weight: Record<string, number>;
    kern: number;
  }
  const acc: Record<string, Acc> = table({});
  const order: string[] = [];
  for (const t of tallies) {
    if (!t.barrier) continue;
    const d = dets[t.id];
    if (!d) continue;
    for (const l of d.links) {
      const st = strategies[l.strategy];
      if (!st) continue;
      let a = acc[l.strategy];
      if (!a) {
        a = acc[l.strategy] = {
          rec: { id: st.s.id, title: st.s.title, url: st.s.url, summary: st.s.summary || "", score: 0, barriers: [], reasons: [] },
          index: st.index,
          weight: table({}),
          kern: 0,
        };
        order.push(l.strategy);
      }
      const w = WEIGHTS[l.strength] || 0;
      if (a.weight[d.id] === undefined) {
        a.weight[d.id] = 0;
        a.rec.barriers.push(d.id);
      }
      if (w > a.weight[d.id]) a.weight[d.id] = w;
      if (l.strength === "kern") a.kern++;
      a.rec.reasons.push({
        determinant: d.id,
        number: d.number,
        title: d.title,
        negative: t.negative,
        strength: l.strength,
        source: l.source,
        sourceLabel: labels[l.source] || l.source,
        explanation: l.explanation || "",
      });
    }
  }
  const negative: Record<string, number> = table({});
  for (const t of tallies) negative[t.id] = t.negative;
  const list = order.map((id) => {
    const a = acc[id];
    let score = 0;
    for (const d of a.rec.barriers) score += a.weight[d] * negative[d];
    a.rec.score = score;
    return a;
  });
  list.sort((x, y) => {
    if (Math.abs(x.rec.score - y.rec.score) > EPS) return y.rec.score - x.rec.score;
    if (x.rec.barriers.length !== y.rec.barriers.length) return y.rec.barriers.length - x.rec.barriers.length;
    if (x.kern !== y.kern) return y.kern - x.kern;
    return x.index - y.index;
  });
  return list.map((a) => a.rec);
}

