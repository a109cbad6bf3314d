// The zoeken/ page: results as the reader types, one list best first, each result with its kind.
// The index (data/zoekindex.json), which the page preloads, is read when the page first searches.
import { words as foldWords } from "../_fold";
import { Index, stemKey } from "./index";
import { loadIndex } from "./load";
import { Result, search } from "./rank";

export function initSearchPage(): void {
  const out = document.getElementById("zoekresultaten");
  const input = document.getElementById("zoek-q") as HTMLInputElement | null;
  const status = document.getElementById("zoek-status");
  if (!out || !input || !status || !out.dataset.index) return;
  const url = out.dataset.index;
  const root = out.dataset.root || "./";

  const render = async (query: string) => {
    if (query.trim() === "") {
      out.replaceChildren();
      out.removeAttribute("aria-busy");
      status.replaceChildren();
      return;
    }
    out.setAttribute("aria-busy", "true");
    let idx: Index;
    try {
      idx = await loadIndex(url);
    } catch {
      status.textContent = "De zoekindex kon niet worden geladen. Probeer het later opnieuw.";
      out.removeAttribute("aria-busy");
      return;
    }
    if (input.value !== query) return; // a newer query is on its way
    const res = search(idx, query);
    status.replaceChildren(...statusLine(res, query));
    out.replaceChildren(resultList(idx, res, root));
    out.removeAttribute("aria-busy");
  };

  const q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  const header = document.getElementById("site-zoek") as HTMLInputElement | null;
  if (header) header.value = q;
  if (q) {
    void render(q);
    // The words' stems while the index downloads: the stemmer's first run is slow on a phone.
    for (const w of foldWords(q)) stemKey(w);
  }
  input.addEventListener("focus", () => void loadIndex(url).catch(() => {}), { once: true });
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

// statusLine says what was found: how many results, that no page has every word, or nothing;
// and "Bedoelde je …?" when a word looks mistyped.
function statusLine(res: Result, query: string): (string | Node)[] {
  const n = res.hits.length;
  const line: (string | Node)[] = [];
  if (n === 0) line.push(`Niets gevonden voor “${query}”.`);
  else if (res.complete) line.push(`${n} ${n === 1 ? "resultaat" : "resultaten"} voor “${query}”.`);
  else {
    line.push(`Geen pagina bevat alle woorden van “${query}”. `);
    line.push(n === 1 ? "Hieronder staat de pagina met een deel ervan." : `Hieronder staan ${n} pagina's met een deel ervan, de beste eerst.`);
  }
  if (res.suggestion) {
    const a = document.createElement("a");
    a.href = "?q=" + encodeURIComponent(res.suggestion);
    a.textContent = res.suggestion;
    line.push(" Bedoelde je ", a, "?");
  }
  return line;
}

function resultList(idx: Index, res: Result, root: string): HTMLElement {
  const ol = document.createElement("ol");
  ol.className = "search-results";
  for (const hit of res.hits) {
    const d = idx.raw.docs[hit.doc];
    const li = document.createElement("li");
    const kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = idx.raw.kinds[d.k];
    const a = document.createElement("a");
    a.href = root + d.u;
    a.textContent = d.t;
    li.append(kind, " ", a);
    if (d.s) {
      const p = document.createElement("p");
      p.textContent = d.s;
      li.append(p);
    }
    ol.append(li);
  }
  return ol;
}
