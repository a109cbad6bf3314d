// Search on the zoeken/ page. The index (data/zoekindex.json, built by generator/search) is
// fetched only when someone searches. Query words match as prefixes of indexed words, accents and
// case ignored; every word must match. Results are grouped by kind.
import { words as terms } from "./_fold";

interface Index {
  kinds: string[];
  docs: { t: string; u: string; k: number; s?: string }[];
  terms: string[];
  postings: number[][];
}

export interface Hit {
  doc: number;
  score: number;
}

// lowerBound returns the first position in sorted whose value is >= key.
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// find returns the documents that match every word of query, best first.
export function find(idx: Index, query: string): Hit[] {
  const words = terms(query);
  if (!words.length) return [];
  let scores: Map<number, number> | null = null;
  for (const w of words) {
    const best = new Map<number, number>();
    for (let i = lowerBound(idx.terms, w); i < idx.terms.length && idx.terms[i].startsWith(w); i++) {
      const exact = idx.terms[i] === w ? 2 : 1;
      const p = idx.postings[i];
      for (let j = 0; j < p.length; j += 2) {
        const s = p[j + 1] * exact;
        if ((best.get(p[j]) || 0) < s) best.set(p[j], s);
      }
    }
    const next = new Map<number, number>();
    for (const [doc, s] of best) {
      if (scores === null) next.set(doc, s);
      else if (scores.has(doc)) next.set(doc, scores.get(doc)! + s);
    }
    scores = next;
    if (!scores.size) break;
  }
  return Array.from(scores!, ([doc, score]) => ({ doc, score })).sort(
    (a, b) => b.score - a.score || idx.docs[a.doc].t.localeCompare(idx.docs[b.doc].t, "nl"),
  );
}

export function initSearch(): void {
  const out = document.getElementById("zoekresultaten");
  const input = document.getElementById("zoek-q") as HTMLInputElement | null;
  const status = document.getElementById("zoek-status");
  if (!out || !input || !status) return;
  const root = out.dataset.root || "./";
  let index: Promise<Index> | null = null;
  const load = () => (index ??= fetch(out.dataset.index!).then((r) => r.json() as Promise<Index>));

  const render = async (query: string) => {
    if (!terms(query).length) {
      out.replaceChildren();
      status.textContent = "";
      return;
    }
    let idx: Index;
    try {
      idx = await load();
    } catch {
      status.textContent = "De zoekindex kon niet worden geladen. Probeer het later opnieuw.";
      return;
    }
    if (input.value !== query) return; // a newer query is on its way
    const hits = find(idx, query);
    status.textContent = hits.length === 0
      ? `Niets gevonden voor “${query}”.`
      : `${hits.length} ${hits.length === 1 ? "resultaat" : "resultaten"} voor “${query}”.`;
    const groups = new Map<number, Hit[]>();
    for (const h of hits) {
      const k = idx.docs[h.doc].k;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(h);
    }
    const sections: HTMLElement[] = [];
    idx.kinds.forEach((kind, k) => {
      const list = groups.get(k);
      if (!list) return;
      const sec = document.createElement("section");
      sec.className = "search-group";
      const h = document.createElement("h2");
      h.textContent = `${kind} (${list.length})`;
      const ol = document.createElement("ol");
      ol.className = "search-results";
      for (const hit of list) {
        const d = idx.docs[hit.doc];
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = root + d.u;
        a.textContent = d.t;
        li.append(a);
        if (d.s) {
          const p = document.createElement("p");
          p.textContent = d.s;
          li.append(p);
        }
        ol.append(li);
      }
      sec.append(h, ol);
      sections.push(sec);
    });
    out.replaceChildren(...sections);
  };

  const params = new URLSearchParams(location.search);
  const q = params.get("q") || "";
  input.value = q;
  const header = document.getElementById("site-zoek") as HTMLInputElement | null;
  if (header) header.value = q;
  if (q) void render(q);
  input.addEventListener("focus", () => void load().catch(() => {}), { once: true });
  input.addEventListener("input", () => {
    const v = input.value;
    history.replaceState(null, "", location.pathname + (v ? "?q=" + encodeURIComponent(v) : ""));
    void render(v);
  });
  input.form?.addEventListener("submit", (e) => {
    e.preventDefault();
    void render(input.value);
  });
}
