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

// Candidate is a strategy linked to a barrier, as its links are collected.
interface Candidate {
  rec: Recommendation;
  index: number; // the strategy's place in the knowledge base (Dutch alphabetical)
  weight: Record<string, number>; // per barrier, its strongest link's weight
  kern: number; // core links
}

// candidates collects, per strategy linked to a barrier, its links to the barriers, in the order
// the barriers and links come.
function candidates(kb: KnowledgeBase, tallies: Tally[]): Candidate[] {
  const strategies: Record<string, { s: Strategy; index: number }> = table({});
  kb.strategies.forEach((s, index) => (strategies[s.id] = { s, index }));
  const labels: Record<string, string> = table({});
  for (const s of kb.sources) labels[s.id] = s.label;
  const dets: Record<string, Determinant> = table({});
  for (const d of kb.determinants) dets[d.id] = d;
  const found: Record<string, Candidate> = table({});
  const order: Candidate[] = [];
  for (const t of tallies) {
    const d = dets[t.id];
    if (!t.barrier || !d) continue;
    for (const l of d.links) {
      const st = strategies[l.strategy];
      if (!st) continue;
      let c = found[l.strategy];
      if (!c) {
        c = found[l.strategy] = { rec: { id: st.s.id, title: st.s.title, url: st.s.url, summary: st.s.summary || "", score: 0, barriers: [], reasons: [] }, index: st.index, weight: table({}), kern: 0 };
        order.push(c);
      }
      if (c.weight[d.id] === undefined) {
        c.weight[d.id] = 0;
        c.rec.barriers.push(d.id);
      }
      c.weight[d.id] = Math.max(c.weight[d.id], WEIGHTS[l.strength] || 0);
      if (l.strength === "kern") c.kern++;
      c.rec.reasons.push({ determinant: d.id, number: d.number, title: d.title, negative: t.negative, strength: l.strength, source: l.source, sourceLabel: labels[l.source] || l.source, explanation: l.explanation || "" });
    }
  }
  return order;
}

// rank scores every strategy linked to a barrier: per barrier it addresses, the weight of its
// strongest link to it (kern 1, aanvullend 0.5) times the barrier's share of negative answers.
// Higher scores first; ties go to the strategy that addresses more barriers, then more core links,
// then the knowledge base's order (Dutch alphabetical).
export function rank(kb: KnowledgeBase, tallies: Tally[]): Recommendation[] {
  const negative: Record<string, number> = table({});
  for (const t of tallies) negative[t.id] = t.negative;
  const list = candidates(kb, tallies);
  for (const c of list) {
    let score = 0;
    for (const d of c.rec.barriers) score += c.weight[d] * negative[d];
    c.rec.score = score;
  }
  list.sort((x, y) => {
    if (Math.abs(x.rec.score - y.rec.score) > EPS) return y.rec.score - x.rec.score;
    if (x.rec.barriers.length !== y.rec.barriers.length) return y.rec.barriers.length - x.rec.barriers.length;
    if (x.kern !== y.kern) return y.kern - x.kern;
    return x.index - y.index;
  });
  return list.map((c) => c.rec);
}
