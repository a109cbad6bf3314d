// Folding shared by the filters and the search, the same rule as the Go side
// (generator/search.Terms): lower case, accents removed, runs of a–z and 0–9.
export function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function terms(s: string): string[] {
  return fold(s).split(/[^a-z0-9]+/).filter((t) => t !== "");
}
