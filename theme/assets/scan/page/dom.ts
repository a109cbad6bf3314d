// Small helpers for the scan page: finding and making elements, numbers as readers see them,
// files in and out. Nothing here knows about the scan.

// $ finds an element the template must have.
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`scan: the page has no #${id}`);
  return e as T;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}

export const percent = (x: number): string => `${Math.round(x * 100)}%`;
export const decimal = (x: number): string => x.toFixed(2).replace(".", ",");
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

// A table that stacks on a narrow screen (.scan-stack in scan.css) gets explicit roles, which
// keep it a table for screen readers when its rows become blocks, and each cell the heading of
// its column, which the stacked layout shows before the value.
export function tableRow(attrs: Record<string, string> = {}): HTMLTableRowElement {
  return el("tr", { ...attrs, role: "row" });
}

export function rowHeader(content: string | Node): HTMLTableCellElement {
  const th = el("th", { scope: "row", role: "rowheader" });
  th.append(content);
  return th;
}

export function dataCell(label: string, content: string | Node, attrs: Record<string, string> = {}): HTMLTableCellElement {
  const td = el("td", { ...attrs, role: "cell", "data-label": label });
  td.append(content);
  return td;
}

export function columnHeads(head: HTMLTableRowElement, names: string[]): void {
  head.textContent = "";
  for (const n of names) head.appendChild(el("th", { scope: "col", role: "columnheader" }, n));
}

// list joins words as Dutch does: "a, b en c".
export function list(words: string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} en ${words[words.length - 1]}`;
}

export function today(): string {
  const d = new Date();
  const two = (n: number) => (n < 10 ? "0" : "") + n;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

// download offers text as a file; nothing leaves the browser.
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// chosenFile takes the file out of a file input, so that choosing the same file again reads it
// again.
export function chosenFile(input: HTMLInputElement): File | null {
  const f = input.files && input.files[0];
  input.value = "";
  return f || null;
}

export function readBytes(f: File): Promise<Uint8Array> {
  return f.arrayBuffer().then((b) => new Uint8Array(b));
}

export function readText(f: File): Promise<string> {
  return f.text();
}
