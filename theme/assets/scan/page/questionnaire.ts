// The questionnaire: one person's answers, saved as they are given; the name of the innovation;
// alone or with a team. Without JavaScript the same form is a printable questionnaire.

import { $ } from "./dom";
import { hideMapping } from "./mapping";
import { Page } from "./page";
import { renderPrint } from "./plan";
import { analysis } from "./state";

function fieldsets(): HTMLFieldSetElement[] {
  return Array.from($<HTMLFormElement>("scan-vragen").querySelectorAll<HTMLFieldSetElement>("fieldset.scan-q"));
}

// syncQuestionnaire makes the form show the state.
export function syncQuestionnaire(page: Page): void {
  const s = page.state;
  for (const fs of fieldsets()) {
    const v = s.answers[fs.dataset.id || ""] || "";
    fs.querySelectorAll<HTMLInputElement>("input[type=radio]").forEach((r) => (r.checked = r.value === v));
  }
  $<HTMLInputElement>("scan-naam").value = s.name;
  document.querySelectorAll<HTMLInputElement>("input[name=modus]").forEach((r) => (r.checked = r.value === s.mode));
  $("scan-alleen").hidden = s.mode !== "alleen";
  $("scan-team").hidden = s.mode !== "team";
}

// progress shows and returns how many questions are answered.
export function progress(page: Page): { answered: number; total: number } {
  const all = fieldsets();
  const n = all.filter((fs) => page.state.answers[fs.dataset.id || ""]).length;
  $<HTMLProgressElement>("scan-voortgang").value = n;
  $("scan-voortgang-tekst").textContent = `${n} van de ${all.length} vragen beantwoord`;
  return { answered: n, total: all.length };
}

export function initQuestionnaire(page: Page): void {
  const questions = $<HTMLFormElement>("scan-vragen");
  questions.addEventListener("change", (e) => {
    const t = e.target as HTMLInputElement;
    const fs = t.closest<HTMLFieldSetElement>("fieldset.scan-q");
    if (!fs || t.type !== "radio") return;
    page.state.answers[fs.dataset.id || ""] = t.value;
    page.save();
    page.render();
    const p = progress(page);
    if (p.answered === p.total) page.say("Je hebt alle vragen beantwoord. De uitkomst staat onder de vragenlijst.");
  });
  questions.addEventListener("submit", (e) => e.preventDefault());
  $<HTMLFormElement>("scan-start").addEventListener("submit", (e) => e.preventDefault());
  $("scan-naam").addEventListener("input", (e) => {
    page.state.name = (e.target as HTMLInputElement).value;
    page.save();
    renderPrint(page, analysis(page.kb, page.state)); // the name shows only in the printed plan
  });
  document.querySelectorAll<HTMLInputElement>("input[name=modus]").forEach((r) =>
    r.addEventListener("change", () => {
      if (!r.checked) return;
      page.state.mode = r.value === "team" ? "team" : "alleen";
      if (page.state.mode === "alleen") hideMapping(); // a file waiting for its mapping is set aside
      page.save();
      page.sync();
      page.render();
    }),
  );
  $("scan-print-vragen").addEventListener("click", () => {
    page.root.classList.add("scan-print-questions");
    window.print();
  });
  window.addEventListener("afterprint", () => page.root.classList.remove("scan-print-questions"));
}
