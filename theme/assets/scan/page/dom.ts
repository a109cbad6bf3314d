// Small helpers for the scan page: finding and making elements, numbers as readers see them,
// files in and out. Nothing here knows about the scan.

const SVG_NS = "http://www.w3.org/2000/svg";

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

export function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
  if (text !== undefined) e.textContent = text;
  return e;
}

export const percent = (x: number): string => `${Math.round(x * 100)}%`;
export const decimal = (x: number): string => x.toFixed(2).replace(".", ",");
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

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
