// The page as the modules share it: the knowledge base once it has loaded, the state, and the few
// things every module does (tell the reader something, keep the state, draw the result again).

import * as L from "../logic";
import { State } from "./state";

export interface Page {
  root: HTMLElement;
  rootURL: string; // the site's root, relative to this page
  kb: L.KnowledgeBase | null;
  state: State;
  showAll: boolean; // every strategy, or the first ones
  say(message: string): void; // a polite status message
  warn(message: string): void; // an alert; "" clears it
  save(): void; // keep the state in the browser
  render(): void; // draw the outcome again
  sync(): void; // make the form and the team panel show the state
}
