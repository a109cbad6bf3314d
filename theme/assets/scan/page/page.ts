// The page as the modules share it: the knowledge base once it has loaded, the state, the team's
// file while it is open, and the few things every module does (tell the reader something, keep
// the state, draw the result again).

import * as L from "../logic";
import { State } from "./state";

// Opened is a team's file as it was read, in the page's memory only: its answers per person are
// never stored (../privacy.ts). It lets the reader choose another worksheet, change the mapping,
// compare other groups, or save the answers per person on purpose.
export interface Opened {
  label: string; // the file's name, or "de geplakte antwoorden"
  bytes: Uint8Array | null; // the file, to read another worksheet; null for pasted text
  zip?: L.Unzipped;
  sheet: L.Sheet;
  mapping: L.Mapping; // what the team was read with
  team: L.Team;
  reused: boolean; // the mapping kept for this form was used without asking
}

export interface Page {
  root: HTMLElement;
  rootURL: string; // the site's root, relative to this page
  kb: L.KnowledgeBase | null;
  state: State;
  opened: Opened | null;
  showAll: boolean; // every strategy, or the first ones
  say(message: string): void; // a polite status message
  warn(message: string): void; // an alert; "" clears it
  save(): void; // keep the state in the browser
  render(): void; // draw the outcome again
  sync(): void; // make the form and the team panel show the state
}
