// The implementatiescan page (templates/scan.html). The questionnaire is in the HTML and works
// without JavaScript as a printable form; this script keeps the answers, reads a team's file,
// shows the outcome and makes the plan. All reading and scoring is in the logic (../logic, no
// DOM); these modules only read and write the page. Nothing leaves the browser.

import * as L from "../logic";
import { initComparison } from "./compare";
import { $ } from "./dom";
import { initGroups } from "./groups";
import { Page } from "./page";
import { initPlan, renderPlan, renderPrint, renderRecommendations } from "./plan";
import { initQuestionnaire, progress, syncQuestionnaire } from "./questionnaire";
import { initResults, renderResults, syncThresholds } from "./results";
import { fromFragment, initSharing, renderSaving } from "./share";
import { analysis, fresh } from "./state";
import { loadState, saveState } from "./storage";
import { initTeam, teamInfo } from "./team";

function makePage(root: HTMLElement): Page {
  const status = $("scan-status");
  const alertBox = $("scan-alert");
  let storageWarned = false;
  const kept = loadState();
  const page: Page = {
    root,
    rootURL: root.dataset.root || "",
    kb: null,
    state: kept ? kept.state : fresh(),
    opened: null,
    showAll: false,
    say: (msg) => (status.textContent = msg),
    warn: (msg) => (alertBox.textContent = msg),
    save: () => {
      if (saveState(page.state) || storageWarned) return;
      storageWarned = true;
      page.warn("Je browser kan je antwoorden niet bewaren. Ze zijn weg als je deze pagina sluit. Bewaar ze zo nodig als JSON-bestand.");
    },
    render: () => {
      progress(page);
      const a = analysis(page.kb, page.state);
      renderResults(page, a);
      if (a) renderRecommendations(page, a);
      renderPlan(page, a);
      renderPrint(page, a);
      renderSaving(page);
    },
    sync: () => {
      syncQuestionnaire(page);
      syncThresholds(page);
      teamInfo(page);
    },
  };
  if (kept && kept.dropped) page.warn("Je browser bewaarde de antwoorden van je team nog per persoon, zoals een oudere versie van de scan dat deed. Die zijn nu gewist: de scan bewaart alleen nog aantallen. Lees het bestand opnieuw in om de uitkomst van je team te zien.");
  return page;
}

export function initScan(): void {
  const root = document.getElementById("scan");
  if (!root) return;
  root.classList.add("scan-ready");
  for (const id of ["plan-kop", "vragenlijst", "team-kop"]) $(id).setAttribute("tabindex", "-1");
  const page = makePage(root);
  initQuestionnaire(page);
  initTeam(page);
  initResults(page);
  initGroups(page);
  initComparison(page);
  initPlan(page);
  initSharing(page);
  page.sync();
  page.render();
  fetch(root.dataset.kb || "")
    .then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    })
    .then((data: L.KnowledgeBase) => {
      page.kb = data;
      fromFragment(page);
      page.render();
      root.setAttribute("data-ready", "true");
    })
    .catch(() => page.warn("De gegevens van de scan konden niet worden geladen. Je antwoorden worden wel bewaard; probeer het later opnieuw."));
}
