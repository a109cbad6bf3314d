// What the browser keeps between visits (localStorage): the state, the state before a share link
// or file replaced it, and the reader's mapping of columns and answers for the next file of the
// same form. A team is kept as its summary, never as answers per person (../privacy.ts). A
// browser that keeps nothing (private mode, storage full) still runs the scan.

import * as L from "../logic";
import { fresh, State } from "./state";

const KEY = "kennisbank-scan";
const BACKUP = "kennisbank-scan-vorige";
const MAPPING = "kennisbank-scan-koppeling";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

// parseState reads a stored state. The first version kept a team's answers per person: of such
// a state only one person's own answers, the name, the thresholds and the plan are read, and
// dropped says that a team was left out.
function parseState(raw: string | null): { state: State; dropped: boolean } | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw);
    if (!s || (s.v !== 1 && s.v !== 2)) return null;
    const out: State = { ...fresh(), answers: s.answers || {}, thresholds: s.thresholds || fresh().thresholds, name: s.name || "", plan: s.plan || [], earlier: s.earlier || null };
    if (s.v === 2) {
      out.mode = s.mode === "team" ? "team" : "alleen";
      out.team = s.team && s.team.summary ? s.team : null;
    }
    return { state: out, dropped: s.v === 1 && !!s.team };
  } catch {
    return null;
  }
}

// loadState reads the kept state; a state of the first version is written again at once in the
// second, so that no answers per person stay behind.
export function loadState(): { state: State; dropped: boolean } | null {
  const kept = parseState(read(KEY));
  if (kept && kept.dropped) saveState(kept.state);
  const backup = parseState(read(BACKUP));
  if (backup && backup.dropped) saveBackup(backup.state);
  return kept;
}

export function saveState(s: State): boolean {
  return write(KEY, JSON.stringify(s));
}

export function saveBackup(s: State): boolean {
  return write(BACKUP, JSON.stringify(s));
}

// takeBackup returns the state kept before the last take-over and forgets it.
export function takeBackup(): State | null {
  const s = parseState(read(BACKUP));
  remove(BACKUP);
  return s ? s.state : null;
}

export function hasBackup(): boolean {
  return read(BACKUP) !== null;
}

// clearAll forgets everything the scan keeps, the mapping too: on a shared computer "opnieuw
// beginnen" must leave nothing behind.
export function clearAll(): void {
  remove(KEY);
  remove(BACKUP);
  remove(MAPPING);
}

// loadMapping returns the mapping kept for the next file of the same form, or null.
export function loadMapping(kb: L.KnowledgeBase): L.Mapping | null {
  const raw = read(MAPPING);
  if (!raw) return null;
  const m = L.parseMapping(kb, raw);
  return m.ok ? m.value : null;
}

export function saveMapping(m: L.Mapping): boolean {
  return write(MAPPING, L.mappingJSON(m));
}
