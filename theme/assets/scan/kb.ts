// The knowledge base as the scan reads it (data/kennisbank.json), and small lookups on it.
// Every module under assets/scan/ except page/ is free of the DOM: the page bundles them, and
// `kennisbank scan` runs the same files in goja (generator/scan). Keep them to ES2017 and simple
// regular expressions: goja must run them.

import { words } from "../_fold";

export interface Link {
  strategy: string;
  strength: string; // kern | aanvullend
  source: string; // a source id
  explanation?: string;
}

export interface Determinant {
  id: string;
  number: number;
  category: string;
  title: string;
  title_en?: string;
  question: string;
  scale: string; // eens5 | eens5-omgekeerd | janeeweetniet
  url: string;
  links: Link[];
}

export interface Strategy {
  id: string;
  title: string;
  url: string;
  summary?: string;
}

export interface Source {
  id: string;
  label: string;
}

export interface Category {
  id: string;
  title: string;
}

export interface KnowledgeBase {
  title?: string;
  categories?: Category[];
  determinants: Determinant[];
  strategies: Strategy[];
  sources: Source[];
}

// table copies o into an object without a prototype, so that looking up what a person typed
// ("constructor", "__proto__") finds nothing instead of Object's own properties.
export function table<T>(o: Record<string, T>): Record<string, T> {
  const t: Record<string, T> = Object.create(null);
  for (const k of Object.keys(o)) t[k] = o[k];
  return t;
}

// ordered returns the determinants by number.
export function ordered(kb: KnowledgeBase): Determinant[] {
  return kb.determinants.slice().sort((a, b) => a.number - b.number);
}

// byID indexes the determinants by id.
export function byID(kb: KnowledgeBase): Record<string, Determinant> {
  const out: Record<string, Determinant> = table({});
  for (const d of kb.determinants) out[d.id] = d;
  return out;
}

// byNumber finds the determinant with the number, or null.
export function byNumber(kb: KnowledgeBase, n: number): Determinant | null {
  for (const d of kb.determinants) if (d.number === n) return d;
  return null;
}

// findDeterminant resolves a column heading or JSON key: a number (1–29, also "01") or an id.
export function findDeterminant(kb: KnowledgeBase, key: string): Determinant | null {
  const k = key.trim().toLowerCase();
  if (k === "") return null;
  for (const d of kb.determinants) {
    if (d.id.toLowerCase() === k) return d;
  }
  if (/^[0-9]{1,3}$/.test(k)) return byNumber(kb, parseInt(k, 10));
  return null;
}

// fold makes the key under which texts are compared: the site's folding rule (../_fold.ts), with
// the spaces between words left out too, so that accents, case, spacing, punctuation and curly
// quotes do not count.
export function fold(s: string): string {
  return words(s).join("");
}

export function round(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
}
