// Fetching an index once per page, when it is first needed.
import { Index, prepare, RawIndex } from "./index";

const loaded = new Map<string, Promise<Index>>();

export function loadIndex(url: string): Promise<Index> {
  let p = loaded.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json() as Promise<RawIndex>;
      })
      .then(prepare);
    p.catch(() => loaded.delete(url)); // a failed fetch may be tried again
    loaded.set(url, p);
  }
  return p;
}
