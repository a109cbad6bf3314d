// What the browser keeps between visits (localStorage): the state, the state before a share link
// or file replaced it, and the reader's mapping of columns and answers for the next file of the
// same form. A browser that keeps nothing (private mode, storage full) still runs the scan.

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

// parseState reads a stored state; fields an older version did not store get their defaults.
function parseState(raw: string | null): State | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw);
    if (!s || s.v !== 1) return null;
    const out: State = { ...fresh(), ...s };
    if (out.team) out.team = { ...out.team, groupColumns: out.team.groupColumns || [], notices: out.team.notices || [] };
    return out;
  } catch {
    return null;
  }
}

export function loadState(): State | null {
  return parseState(read(KEY));
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
  return s;
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

// loadMapping returns the mapping kept for the next file, or an empty one.
export function loadMapping(kb: L.KnowledgeBase): L.Mapping {
  const raw = read(MAPPING);
  if (!raw) return L.emptyMapping();
  const m = L.parseMapping(kb, raw);
  return m.ok ? m.value : L.emptyMapping();
}

export function saveMapping(m: L.Mapping): boolean {
  return write(MAPPING, L.mappingJSON(m));
}
