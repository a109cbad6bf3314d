// The search box in the header of every page suggests pages while the reader types: the ARIA 1.2
// combobox pattern with a listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).
// Arrow keys move through the suggestions (aria-activedescendant), Enter opens the one chosen or,
// with none chosen, searches as the form always does, Escape closes the list (and, when it is
// closed, empties the box). A status line tells screen readers how many suggestions there are.
// Without JavaScript the box is the plain form it is in the HTML: a GET to zoeken/?q=.
//
// Suggestions are the first results of the zoeken/ page for the same query: the same index
// (data/zoekindex.json, fetched when the box first gets focus) and the same ranking.
import { Index } from "./index";
import { loadIndex } from "./load";
import { search } from "./rank";

const MAX = 6;

interface Option {
  label: string;
  kind: string;
  href: string;
}

export function initSuggestions(): void {
  const input = document.getElementById("site-zoek") as HTMLInputElement | null;
  const form = input?.form;
  if (!input || !form || !form.dataset.index) return;
  const url = form.dataset.index;
  const root = form.dataset.root || "./";
  const ui = new Combobox(input, form);

  input.addEventListener("focus", () => void loadIndex(url).catch(() => {}));
  input.addEventListener("input", async () => {
    const query = input.value;
    if (query.trim() === "") return ui.close();
    let options: Option[];
    try {
      options = suggestionsFor(await loadIndex(url), query, root, form.action);
    } catch {
      return ui.close();
    }
    if (input.value === query) ui.show(options); // else a newer query is on its way
  });
}

function suggestionsFor(idx: Index, query: string, root: string, action: string): Option[] {
  const res = search(idx, query, { typing: true });
  const options: Option[] = res.hits.slice(0, MAX).map((h) => {
    const d = idx.raw.docs[h.doc];
    return { label: d.t, kind: idx.raw.kinds[d.k], href: root + d.u };
  });
  const all = new URL(action, location.href);
  all.searchParams.set("q", query);
  options.push({ label: `Alle resultaten voor “${query}”`, kind: "", href: all.href });
  return options;
}

// Combobox keeps the state of the box and its list, and the ARIA attributes that tell it.
class Combobox {
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
  options: Option[] = [];
  active = -1;

  constructor(input: HTMLInputElement, form: HTMLFormElement) {
    this.input = input;
    this.list = document.createElement("ul");
    this.list.id = input.id + "-lijst";
    this.list.className = "suggestions";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", "Suggesties");
    this.list.hidden = true;
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    form.append(this.list, this.status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.addEventListener("keydown", (e) => this.key(e));
    // Enter on a chosen suggestion opens it, however the browser turns that Enter into a submit.
    form.addEventListener("submit", (e) => {
      if (this.list.hidden || this.active < 0) return;
      e.preventDefault();
      this.open(this.active);
    });
    input.addEventListener("blur", () => this.close());
    // A click on a suggestion must not take the focus away (and close the list) before it counts.
    this.list.addEventListener("mousedown", (e) => e.preventDefault());
    this.list.addEventListener("click", (e) => {
      const li = (e.target as Element).closest("li");
      if (li) this.open(Number(li.dataset.n));
    });
  }

  show(options: Option[]): void {
    this.options = options;
    this.active = -1;
    this.list.replaceChildren(
      ...options.map((o, n) => {
        const li = document.createElement("li");
        li.id = `${this.list.id}-${n}`;
        li.dataset.n = String(n);
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        if (o.kind) {
          const kind = document.createElement("span");
          kind.className = "search-kind";
          kind.textContent = o.kind;
          li.append(kind, " ");
        }
        li.append(o.label);
        return li;
      }),
    );
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.input.removeAttribute("aria-activedescendant");
    const pages = options.length - 1;
    this.status.textContent =
      pages === 0
        ? "Geen pagina's gevonden. Druk op Enter om te zoeken."
        : `${pages} ${pages === 1 ? "pagina" : "pagina's"} gevonden. Kies met pijl omlaag, of druk op Enter om te zoeken.`;
  }

  close(): void {
    if (this.list.hidden) return;
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = "";
  }

  // move makes option n the active one (-1: none, the text box itself).
  move(n: number): void {
    const items = this.list.children;
    if (this.active >= 0) items[this.active].setAttribute("aria-selected", "false");
    this.active = n;
    if (n < 0) {
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    items[n].setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", items[n].id);
    items[n].scrollIntoView({ block: "nearest" });
  }

  open(n: number): void {
    location.href = this.options[n].href;
  }

  key(e: KeyboardEvent): void {
    const open = !this.list.hidden;
    const last = this.options.length - 1;
    switch (e.key) {
      case "ArrowDown":
        if (!open) {
          if (this.options.length && this.input.value.trim()) this.show(this.options);
        } else this.move(this.active >= last ? -1 : this.active + 1);
        break;
      case "ArrowUp":
        if (open) this.move(this.active < 0 ? last : this.active - 1);
        break;
      case "Enter":
        if (!open || this.active < 0) return; // the form searches
        this.open(this.active);
        break;
      case "Escape":
        if (open) {
          this.close();
          e.stopPropagation(); // the next Escape may close what holds the box
        } else this.input.value = "";
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}
