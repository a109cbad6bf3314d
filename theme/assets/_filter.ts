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

// readCard reads what the filters need from a strategy card; data-links holds
// "determinant:category:strength" per link (generator/view writes it).
function readCard(el: HTMLElement): Card {
  return {
    el,
    section: el.closest("section") as HTMLElement,
    cluster: el.dataset.cluster || "",
    source: el.dataset.bron || "",
    links: (el.dataset.links || "").split(" ").filter(Boolean).map((l) => {
      const [determinant, category, strength] = l.split(":");
      return { determinant, category, strength };
    }),
    text: " " + words(el.textContent || "").join(" "),
  };
}

// matches reports whether a card passes every filter of s; query holds its folded words.
function matches(c: Card, s: State, query: string[]): boolean {
  if ((s.cluster && c.cluster !== s.cluster) || (s.bron && c.source !== s.bron)) return false;
  if (s.determinant || s.categorie || s.sterkte) {
    const linked = c.links.some(
      (l) =>
        (!s.determinant || l.determinant === s.determinant) &&
        (!s.categorie || l.category === s.categorie) &&
        (!s.sterkte || l.strength === s.sterkte),
    );
    if (!linked) return false;
  }
  return query.every((q) => c.text.includes(q));
}

function stateFromURL(): State {
  const p = new URLSearchParams(location.search);
  const s = empty();
  for (const f of FIELDS) s[f] = p.get(f) || "";
  return s;
}

// stateToURL puts s in the address: as a new history entry (push) or in place of the current one.
function stateToURL(s: State, push: boolean): void {
  const p = new URLSearchParams();
  for (const f of FIELDS) if (s[f]) p.set(f, s[f]);
  const q = p.toString();
  const url = location.pathname + (q ? "?" + q : "") + location.hash;
  if (url === location.pathname + location.search + location.hash) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// StrategyFilter owns the filter form, the cards and what is shown of them.
class StrategyFilter {
  private readonly cards: Card[];
  private readonly sections: HTMLElement[];
  private readonly more = document.createElement("button");
  private showAll = false;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly count: HTMLElement,
    private readonly noResults: HTMLElement,
  ) {
    this.cards = Array.from(document.querySelectorAll<HTMLElement>(".card[data-cluster]")).map(readCard);
    this.sections = Array.from(new Set(this.cards.map((c) => c.section)));
    this.more.type = "button";
    this.more.hidden = true;
    count.after(this.more);
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  }

  read(): State {
    const s = empty();
    for (const f of FIELDS) s[f] = this.field(f).value;
    return s;
  }

  write(s: State): void {
    for (const f of FIELDS) this.field(f).value = s[f];
  }

  // apply shows the cards that pass s (at most SHOW unless asked for all) and updates the counts.
  apply(s: State): void {
    const query = words(s.q).map((q) => " " + q);
    let matched = 0;
    const perSection = new Map<HTMLElement, number>();
    for (const c of this.cards) {
      const ok = matches(c, s, query);
      if (ok) {
        matched++;
        perSection.set(c.section, (perSection.get(c.section) || 0) + 1);
      }
      const show = ok && (this.showAll || matched <= SHOW);
      if (c.el.hidden === show) c.el.hidden = !show;
    }
    for (const sec of this.sections) {
      const n = perSection.get(sec) || 0;
      if (sec.hidden !== (n === 0)) sec.hidden = n === 0;
      const out = sec.querySelector(".cluster-count");
      if (out && out.textContent !== String(n)) out.textContent = String(n);
    }
    this.report(matched);
  }

  private report(matched: number): void {
    const total = this.cards.length;
    const capped = !this.showAll && matched > SHOW;
    this.count.textContent =
      (matched === total ? `${total} strategieën` : `${matched} van de ${total} strategieën`) +
      (capped ? `; de eerste ${SHOW} staan hieronder` : "");
    this.more.hidden = !capped;
    this.more.textContent = `Toon alle ${matched} strategieën`;
    this.noResults.hidden = matched > 0;
  }

  // show applies s from scratch (all matches capped again) and records it in the address.
  show(s: State, push: boolean | null): void {
    this.showAll = false;
    this.apply(s);
    if (push !== null) stateToURL(s, push);
  }

  listen(): void {
    this.more.addEventListener("click", () => {
      this.showAll = true;
      this.apply(this.read());
    });
    // The first keystroke of a burst of typing adds a history entry, the next ones update it; a
    // choice in a list adds one. So "back" returns to the previous filter, not to each letter.
    let typing = false;
    this.form.addEventListener("input", (e) => {
      if (!(e.target instanceof HTMLInputElement)) return;
      this.show(this.read(), !typing);
      typing = true;
    });
    this.form.addEventListener("change", (e) => {
      typing = false;
      if (!(e.target instanceof HTMLInputElement)) this.show(this.read(), true);
    });
    this.form.addEventListener("submit", (e) => e.preventDefault());
    this.form.addEventListener("reset", (e) => {
      e.preventDefault();
      this.write(empty());
      this.show(empty(), true);
    });
    window.addEventListener("popstate", () => {
      const s = stateFromURL();
      this.write(s);
      this.show(s, null);
    });
  }
}

export function initFilters(): void {
  const form = document.getElementById("filters") as HTMLFormElement | null;
  if (!form) return;
  const filter = new StrategyFilter(form, document.getElementById("f-aantal")!, document.getElementById("f-leeg")!);
  form.hidden = false;
  filter.listen();
  const initial = stateFromURL();
  filter.write(initial);
  filter.apply(initial);
}
