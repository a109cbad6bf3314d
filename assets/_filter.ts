// Filters on the strategy overview. Every strategy is in the HTML; this only hides and shows
// cards, updates the counts and keeps the state in the URL query (shareable; back works).
import { words } from "./_fold";

interface Card {
  el: HTMLElement;
  section: HTMLElement;
  cluster: string;
  source: string;
  links: { determinant: string; category: string; strength: string }[];
  text: string; // " word word word …": folded words, each preceded by a space
}

// At most this many matches are shown at once; a button shows the rest. It keeps typing fast in
// very large lists, where the browser's layout of thousands of cards is what takes the time.
const SHOW = 200;

const FIELDS = ["q", "categorie", "determinant", "cluster", "bron", "sterkte"] as const;
type State = Record<(typeof FIELDS)[number], string>;

function empty(): State {
  return { q: "", categorie: "", determinant: "", cluster: "", bron: "", sterkte: "" };
}

export function initFilters(): void {
  const form = document.getElementById("filters") as HTMLFormElement | null;
  if (!form) return;
  const count = document.getElementById("f-aantal")!;
  const noResults = document.getElementById("f-leeg")!;
  const more = document.createElement("button");
  more.type = "button";
  more.hidden = true;
  count.after(more);
  let showAll = false;
  const cards: Card[] = Array.from(document.querySelectorAll<HTMLElement>(".card[data-cluster]")).map((el) => ({
    el,
    section: el.closest("section") as HTMLElement,
    cluster: el.dataset.cluster || "",
    source: el.dataset.bron || "",
    links: (el.dataset.links || "").split(" ").filter(Boolean).map((l) => {
      const [determinant, category, strength] = l.split(":");
      return { determinant, category, strength };
    }),
    text: " " + words(el.textContent || "").join(" "),
  }));
  const sections = Array.from(new Set(cards.map((c) => c.section)));
  const total = cards.length;
  form.hidden = false;

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const read = (): State => {
    const s = empty();
    for (const f of FIELDS) s[f] = field(f).value;
    return s;
  };
  const write = (s: State) => {
    for (const f of FIELDS) field(f).value = s[f];
  };
  const fromURL = (): State => {
    const p = new URLSearchParams(location.search);
    const s = empty();
    for (const f of FIELDS) s[f] = p.get(f) || "";
    return s;
  };
  const toURL = (s: State, push: boolean) => {
    const p = new URLSearchParams();
    for (const f of FIELDS) if (s[f]) p.set(f, s[f]);
    const q = p.toString();
    const url = location.pathname + (q ? "?" + q : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  };

  const apply = (s: State) => {
    const query = words(s.q).map((q) => " " + q);
    const linkFilter = s.determinant || s.categorie || s.sterkte;
    let matched = 0;
    const perSection = new Map<HTMLElement, number>();
    for (const c of cards) {
      let ok = (!s.cluster || c.cluster === s.cluster) && (!s.bron || c.source === s.bron);
      if (ok && linkFilter) {
        ok = c.links.some(
          (l) =>
            (!s.determinant || l.determinant === s.determinant) &&
            (!s.categorie || l.category === s.categorie) &&
            (!s.sterkte || l.strength === s.sterkte),
        );
      }
      if (ok && query.length) ok = query.every((q) => c.text.includes(q));
      if (ok) {
        matched++;
        perSection.set(c.section, (perSection.get(c.section) || 0) + 1);
      }
      const show = ok && (showAll || matched <= SHOW);
      if (c.el.hidden === show) c.el.hidden = !show;
    }
    for (const sec of sections) {
      const n = perSection.get(sec) || 0;
      if (sec.hidden !== (n === 0)) sec.hidden = n === 0;
      const out = sec.querySelector(".cluster-count");
      if (out && out.textContent !== String(n)) out.textContent = String(n);
    }
    const capped = !showAll && matched > SHOW;
    count.textContent =
      (matched === total ? `${total} strategieën` : `${matched} van de ${total} strategieën`) +
      (capped ? `; de eerste ${SHOW} staan hieronder` : "");
    more.hidden = !capped;
    more.textContent = `Toon alle ${matched} strategieën`;
    noResults.hidden = matched > 0;
  };
  more.addEventListener("click", () => {
    showAll = true;
    apply(read());
  });

  // The first keystroke of a burst of typing adds a history entry, the next ones update it; a
  // choice in a list adds one. So "back" returns to the previous filter, not to each letter.
  let typing = false;
  form.addEventListener("input", (e) => {
    if (!(e.target instanceof HTMLInputElement)) return;
    showAll = false;
    const s = read();
    apply(s);
    toURL(s, !typing);
    typing = true;
  });
  form.addEventListener("change", (e) => {
    typing = false;
    if (e.target instanceof HTMLInputElement) return;
    showAll = false;
    const s = read();
    apply(s);
    toURL(s, true);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    showAll = false;
    const s = empty();
    write(s);
    apply(s);
    toURL(s, true);
  });
  window.addEventListener("popstate", () => {
    showAll = false;
    const s = fromURL();
    write(s);
    apply(s);
  });
  const initial = fromURL();
  write(initial);
  apply(initial);
}
