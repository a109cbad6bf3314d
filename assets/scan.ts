// The implementatiescan page (templates/scan.html). The questionnaire is in the HTML and works
// without JavaScript as a printable form; this script saves the answers as they are given, reads
// a team's CSV, shows the barriers and the ranked strategies, and makes the plan. All scoring is
// in ./scan/logic (no DOM); this file only reads and writes the page. Nothing leaves the browser.
import * as L from "./scan/logic";

const KEY = "kennisbank-scan";
const BACKUP = "kennisbank-scan-vorige";
const FIRST = 10; // strategies shown before "toon alle"
const SVG = "http://www.w3.org/2000/svg";

interface Team {
  respondents: L.Respondent[];
  ignored: string[];
  label: string; // where the answers came from: a file name, "geplakte antwoorden"…
}

interface State {
  v: 1;
  mode: "alleen" | "team";
  answers: L.Respondent;
  team: Team | null;
  thresholds: L.Thresholds;
  name: string;
  plan: string[];
}

function fresh(): State {
  return { v: 1, mode: "alleen", answers: {}, team: null, thresholds: { barrier: L.DEFAULTS.barrier, facilitator: L.DEFAULTS.facilitator }, name: "", plan: [] };
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
  if (text !== undefined) e.textContent = text;
  return e;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const decimal = (x: number) => x.toFixed(2).replace(".", ",");
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function today(): string {
  const d = new Date();
  const two = (n: number) => (n < 10 ? "0" : "") + n;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

function load(key: string): State | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const s = JSON.parse(raw);
    if (!s || s.v !== 1) return null;
    return { ...fresh(), ...s };
  } catch {
    return null;
  }
}

function hasAnswers(s: State): boolean {
  return Object.keys(s.answers).length > 0 || s.team !== null;
}

export function initScan(): void {
  const root = document.getElementById("scan");
  if (!root) return;
  root.classList.add("scan-ready");
  for (const id of ["scan-start"]) $(id).hidden = false;
  root.querySelectorAll<HTMLElement>(".scan-progress, .scan-actions, .scan-reset").forEach((e) => (e.hidden = false));

  const questions = $<HTMLFormElement>("scan-vragen");
  const fieldsets = Array.from(questions.querySelectorAll<HTMLFieldSetElement>("fieldset.scan-q"));
  const rootURL = root.dataset.root || "";
  const status = $("scan-status");
  const alertBox = $("scan-alert");
  let kb: L.KnowledgeBase | null = null;
  let state: State = load(KEY) || fresh();
  let showAll = false;
  let storageWarned = false;

  const say = (msg: string) => {
    status.textContent = msg;
  };
  const warn = (msg: string) => {
    alertBox.textContent = msg;
  };
  const save = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      if (!storageWarned) warn("Je browser kan je antwoorden niet bewaren. Ze zijn weg als je deze pagina sluit. Bewaar ze zo nodig als JSON-bestand.");
      storageWarned = true;
    }
  };

  // ------------------------------------------------------------ the form shows the state

  const syncForm = () => {
    for (const fs of fieldsets) {
      const v = state.answers[fs.dataset.id || ""] || "";
      fs.querySelectorAll<HTMLInputElement>("input[type=radio]").forEach((r) => (r.checked = r.value === v));
    }
    $<HTMLInputElement>("scan-naam").value = state.name;
    document.querySelectorAll<HTMLInputElement>("input[name=modus]").forEach((r) => (r.checked = r.value === state.mode));
    $<HTMLInputElement>("scan-grens-b").value = String(Math.round(state.thresholds.barrier * 10000) / 100);
    $<HTMLInputElement>("scan-grens-f").value = String(Math.round(state.thresholds.facilitator * 10000) / 100);
  };

  const progress = () => {
    const n = fieldsets.filter((fs) => state.answers[fs.dataset.id || ""]).length;
    $<HTMLProgressElement>("scan-voortgang").value = n;
    $("scan-voortgang-tekst").textContent = `${n} van de ${fieldsets.length} vragen beantwoord`;
    return n;
  };

  // ------------------------------------------------------------ results

  const respondents = (): L.Respondent[] | null => {
    if (state.mode === "team") return state.team ? state.team.respondents : null;
    return Object.keys(state.answers).length ? [state.answers] : null;
  };

  const chart = (a: L.Analysis, prefix: string): SVGElement => {
    const rowH = 20;
    const labelW = 250;
    const barW = 300;
    const top = 28;
    const height = top + a.tallies.length * rowH + 8;
    const width = labelW + barW + 56;
    const s = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": `${prefix}-t ${prefix}-d`, class: "scan-svg" });
    s.appendChild(svg("title", { id: `${prefix}-t` }, "Ongunstige antwoorden per determinant"));
    const names = a.barriers.map((b) => `${b.number}. ${b.title}`).join(", ");
    s.appendChild(svg("desc", { id: `${prefix}-d` }, a.barriers.length ? `Belemmerend (minstens ${percent(a.thresholds.barrier)} ongunstig): ${names}.` : `Geen determinant heeft ${percent(a.thresholds.barrier)} of meer ongunstige antwoorden.`));
    for (const p of [0, 0.25, 0.5, 0.75, 1]) {
      const x = labelW + p * barW;
      s.appendChild(svg("line", { x1: x, x2: x, y1: top - 6, y2: height - 8, class: "scan-grid" }));
      s.appendChild(svg("text", { x, y: top - 10, "text-anchor": "middle", class: "scan-axis" }, percent(p)));
    }
    // Bars, then the threshold line over them, then the values on top (with a halo in CSS).
    a.tallies.forEach((t, i) => {
      const y = top + i * rowH;
      const label = `${t.number}. ${t.title}`;
      s.appendChild(svg("text", { x: labelW - 8, y: y + 14, "text-anchor": "end", class: t.barrier ? "scan-label scan-label-barrier" : "scan-label" }, label.length > 34 ? label.slice(0, 33) + "…" : label));
      if (t.answers) {
        const w = Math.max(t.negative * barW, t.negative > 0 ? 2 : 0);
        s.appendChild(svg("rect", { x: labelW, y: y + 4, width: w, height: 12, class: t.barrier ? "scan-bar scan-bar-barrier" : "scan-bar" }));
      }
    });
    const tx = labelW + a.thresholds.barrier * barW;
    s.appendChild(svg("line", { x1: tx, x2: tx, y1: top - 4, y2: height - 4, class: "scan-threshold" }));
    a.tallies.forEach((t, i) => {
      const y = top + i * rowH;
      s.appendChild(svg("text", { x: labelW + t.negative * barW + 6, y: y + 14, class: "scan-value" }, t.answers ? percent(t.negative) : "geen antwoord"));
    });
    return s;
  };

  const verdict = (t: L.Tally) => (t.answers === 0 ? "geen antwoord" : t.barrier ? "belemmerend" : t.facilitator ? "bevorderend" : "—");

  const table = (a: L.Analysis, alone: boolean) => {
    const tbl = $<HTMLTableElement>("scan-tabel");
    const head = tbl.tHead!.rows[0];
    head.textContent = "";
    const cols = alone ? ["Determinant", "Jouw antwoord", "Uitkomst"] : ["Determinant", "Antwoorden", "Ongunstig", "Gunstig", "Uitkomst"];
    for (const c of cols) head.appendChild(el("th", { scope: "col" }, c));
    const body = tbl.tBodies[0];
    body.textContent = "";
    for (const t of a.tallies) {
      const tr = el("tr", t.barrier ? { class: "scan-row-barrier" } : {});
      const th = el("th", { scope: "row" });
      th.appendChild(el("a", { href: rootURL + t.url }, `${t.number}. ${t.title}`));
      tr.appendChild(th);
      const cells = alone
        ? [L.answerLabel(state.answers[t.id] || "") || "niet beantwoord"]
        : [String(t.answers), t.answers ? percent(t.negative) : "—", t.answers ? percent(t.positive) : "—"];
      for (const c of cells) tr.appendChild(el("td", {}, c));
      tr.appendChild(el("td", {}, verdict(t)));
      body.appendChild(tr);
    }
  };

  const reasonItem = (r: L.Reason) => {
    const li = el("li");
    li.appendChild(el("span", { class: `badge badge-${r.strength}` }, r.strength));
    li.appendChild(el("strong", {}, `${r.number}. ${r.title}`));
    li.appendChild(document.createTextNode(` (${percent(r.negative)} ongunstig)`));
    if (r.explanation) li.appendChild(document.createTextNode(`: ${r.explanation}`));
    li.appendChild(el("span", { class: "meta" }, ` Bron: ${r.sourceLabel}.`));
    return li;
  };

  const recommendations = (a: L.Analysis) => {
    const list = $("scan-strategieen");
    list.textContent = "";
    const more = $<HTMLButtonElement>("scan-meer");
    if (a.strategies.length === 0) {
      list.appendChild(el("li", { class: "scan-none" }, a.barriers.length ? "Er zijn geen strategieën gekoppeld aan deze belemmeringen." : "Er zijn geen belemmerende determinanten, dus ook geen strategieën om te kiezen."));
      more.hidden = true;
      return;
    }
    const shown = showAll ? a.strategies : a.strategies.slice(0, FIRST);
    for (const s of shown) {
      const li = el("li", { class: "scan-rec" });
      const head = el("div", { class: "scan-rec-head" });
      const h = el("h3");
      h.appendChild(el("a", { href: rootURL + s.url }, s.title));
      head.appendChild(h);
      const label = el("label", { class: "scan-pick" });
      const box = el("input", { type: "checkbox", "data-plan": s.id });
      box.checked = state.plan.indexOf(s.id) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" In mijn plan"));
      label.appendChild(el("span", { class: "visually-hidden" }, `: ${s.title}`));
      head.appendChild(label);
      li.appendChild(head);
      li.appendChild(el("p", { class: "meta" }, `Score ${decimal(s.score)} · pakt ${plural(s.barriers.length, "belemmering", "belemmeringen")} aan`));
      const reasons = el("ul", { class: "scan-reasons" });
      for (const r of s.reasons) reasons.appendChild(reasonItem(r));
      li.appendChild(reasons);
      list.appendChild(li);
    }
    more.hidden = a.strategies.length <= FIRST;
    more.textContent = showAll ? `Toon alleen de eerste ${FIRST}` : `Toon alle ${a.strategies.length} strategieën`;
    more.setAttribute("aria-expanded", String(showAll));
  };

  const plan = (a: L.Analysis | null) => {
    const ul = $("scan-plan");
    ul.textContent = "";
    $("scan-plan-leeg").hidden = state.plan.length > 0;
    for (const id of state.plan) {
      const rec = a ? a.strategies.filter((s) => s.id === id)[0] : undefined;
      const st = kb ? kb.strategies.filter((s) => s.id === id)[0] : undefined;
      if (!st) continue;
      const li = el("li");
      li.appendChild(el("a", { href: rootURL + st.url }, st.title));
      li.appendChild(el("span", { class: "meta" }, rec ? ` · pakt aan: ${rec.reasons.map((r) => r.number).filter((n, i, all) => all.indexOf(n) === i).join(", ")}` : " · pakt geen van de huidige belemmeringen aan"));
      const rm = el("button", { type: "button", class: "link-button", "data-remove": id }, "Haal uit plan");
      rm.appendChild(el("span", { class: "visually-hidden" }, `: ${st.title}`));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(rm);
      ul.appendChild(li);
    }
  };

  const printView = (a: L.Analysis | null) => {
    const out = $("scan-afdruk");
    out.textContent = "";
    if (!a || !kb) return;
    out.appendChild(el("h1", {}, `Implementatieplan${state.name ? ": " + state.name : ""}`));
    const d = new Date();
    const who = state.mode === "team" ? `de antwoorden van ${plural(a.respondents, "respondent", "respondenten")}${state.team ? ` (${state.team.label})` : ""}` : "de antwoorden van één persoon";
    out.appendChild(el("p", {}, `Gemaakt op ${d.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" })} met de implementatiescan, op basis van ${who}. Een determinant is belemmerend vanaf ${percent(a.thresholds.barrier)} ongunstige antwoorden.`));
    out.appendChild(el("h2", {}, "Belemmerende determinanten"));
    if (a.barriers.length) {
      const ul = el("ul");
      for (const b of a.barriers) ul.appendChild(el("li", {}, `${b.number}. ${b.title}: ${percent(b.negative)} ongunstig (${plural(b.answers, "antwoord", "antwoorden")})`));
      out.appendChild(ul);
    } else {
      out.appendChild(el("p", {}, "Geen."));
    }
    const fig = el("figure", { class: "scan-chart" });
    fig.appendChild(chart(a, "print-grafiek"));
    fig.appendChild(el("figcaption", {}, "Percentage ongunstige antwoorden per determinant. De streep is de grens voor belemmerend. Belemmerende determinanten staan vetgedrukt, met een donkere balk."));
    out.appendChild(fig);
    out.appendChild(el("h2", {}, "Gekozen strategieën"));
    const chosen = state.plan.map((id) => a.strategies.filter((s) => s.id === id)[0] || kb!.strategies.filter((s) => s.id === id)[0]).filter(Boolean);
    if (!chosen.length) out.appendChild(el("p", {}, "Je hebt nog geen strategieën gekozen."));
    const ol = el("ol", { class: "scan-print-plan" });
    for (const s of chosen) {
      const li = el("li");
      li.appendChild(el("h3", {}, s.title));
      li.appendChild(el("p", { class: "meta" }, new URL(rootURL + s.url, location.href).href));
      const rec = s as L.Recommendation;
      if (rec.reasons && rec.reasons.length) {
        li.appendChild(el("p", {}, "Waarom: deze strategie pakt deze belemmeringen aan."));
        const ul = el("ul");
        for (const r of rec.reasons) ul.appendChild(reasonItem(r));
        li.appendChild(ul);
      } else {
        li.appendChild(el("p", {}, "Deze strategie pakt geen van de huidige belemmeringen aan."));
      }
      ol.appendChild(li);
    }
    out.appendChild(ol);
    out.appendChild(el("p", { class: "scan-source" }, "De standaardgrenzen voor belemmerend (20%) en bevorderend (80%) worden gebruikt in onderzoek met de MIDI, bijvoorbeeld door Dugstad, J., Sundling, V., Nilsen, E. R., & Eide, H. (2020), BMC Health Services Research, 20, 163. https://doi.org/10.1186/s12913-020-4998-9"));
  };

  const render = () => {
    progress();
    $("scan-alleen").hidden = state.mode !== "alleen";
    $("scan-team").hidden = state.mode !== "team";
    const rs = respondents();
    const section = $("scan-uitkomst");
    root.classList.toggle("scan-has-result", !!(kb && rs));
    if (!kb || !rs) {
      section.hidden = true;
      plan(null);
      printView(null);
      return;
    }
    const a = L.analyse(kb, rs, state.thresholds);
    section.hidden = false;
    const alone = state.mode === "alleen";
    const basis = alone ? `Je hebt ${progress()} van de ${fieldsets.length} vragen beantwoord.` : `${plural(a.respondents, "respondent", "respondenten")} uit ${state.team!.label}.`;
    $("scan-samenvatting").textContent = `${basis} ${plural(a.barriers.length, "determinant is", "determinanten zijn")} belemmerend en ${plural(a.facilitators.length, "is", "zijn")} bevorderend.`;
    const box = $("scan-grafiek");
    box.textContent = "";
    box.appendChild(chart(a, "grafiek"));
    table(a, alone);
    recommendations(a);
    plan(a);
    printView(a);
  };

  // ------------------------------------------------------------ applying input

  const teamInfo = () => {
    const info = $("scan-team-info");
    if (!state.team) {
      info.textContent = "Nog geen antwoorden ingelezen.";
      return;
    }
    const ign = state.team.ignored.length ? ` Niet gebruikte kolommen (geen determinant): ${state.team.ignored.join(", ")}.` : " Alle kolommen zijn gebruikt.";
    info.textContent = `${plural(state.team.respondents.length, "respondent", "respondenten")} ingelezen uit ${state.team.label}.${ign}`;
  };

  const readCSV = (text: string, label: string) => {
    if (!kb) return;
    const r = L.parseCSV(kb, text);
    if (!r.ok) {
      warn(`${label}: ${r.error.message} Er is niets veranderd.`);
      return;
    }
    warn("");
    const respondents = L.respondentsOf(kb, r.value.answers);
    state.team = { respondents, ignored: r.value.ignored, label };
    state.mode = "team";
    save();
    syncForm();
    teamInfo();
    render();
    say(`${plural(respondents.length, "respondent", "respondenten")} ingelezen. De uitkomst staat hieronder.`);
  };

  // takeOver replaces the whole state (share link, JSON file) and keeps the old one to restore.
  const takeOver = (s: L.ScanState, label: string, what: string) => {
    if (hasAnswers(state)) {
      try {
        localStorage.setItem(BACKUP, JSON.stringify(state));
        $("scan-terug-p").hidden = false;
      } catch {
        /* no backup possible: the new state still applies */
      }
    }
    const next = fresh();
    next.mode = s.mode;
    if (s.mode === "alleen") next.answers = s.respondents[0];
    else next.team = { respondents: s.respondents, ignored: s.ignored, label };
    next.thresholds = s.thresholds;
    next.name = s.name;
    next.plan = s.plan;
    state = next;
    warn("");
    save();
    syncForm();
    teamInfo();
    render();
    say(`${what} De uitkomst staat hieronder.`);
  };

  const fromFragment = () => {
    if (!kb || location.hash.indexOf("#scan=") !== 0) return;
    const d = L.decodeShare(kb, location.hash);
    history.replaceState(null, "", location.pathname + location.search);
    if (!d.ok) {
      warn(d.message);
      return;
    }
    takeOver(d.value, "een deellink", "De antwoorden uit de deellink staan nu in de scan.");
  };

  const scanState = (): L.ScanState => ({
    mode: state.mode,
    respondents: respondents() || [],
    ignored: state.mode === "team" && state.team ? state.team.ignored : [],
    thresholds: state.thresholds,
    name: state.name,
    plan: state.plan,
  });

  const fileName = (ext: string, kind: string) => {
    const slug = state.name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return `implementatiescan-${kind}${slug ? "-" + slug : ""}-${today()}.${ext}`;
  };

  const download = (name: string, text: string, type: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el("a", { href: url, download: name });
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(`Het bestand ${name} staat in je downloads.`);
  };

  const readFile = (input: HTMLInputElement, then: (text: string, name: string) => void) => {
    const f = input.files && input.files[0];
    if (!f) return;
    const reader = new FileReader();
    reader.onload = () => then(String(reader.result || ""), f.name);
    reader.onerror = () => warn(`Het bestand ${f.name} kan niet worden gelezen.`);
    reader.readAsText(f, "utf-8");
    input.value = "";
  };

  // ------------------------------------------------------------ events

  questions.addEventListener("change", (e) => {
    const t = e.target as HTMLInputElement;
    const fs = t.closest<HTMLFieldSetElement>("fieldset.scan-q");
    if (!fs || t.type !== "radio") return;
    state.answers[fs.dataset.id || ""] = t.value;
    save();
    render();
    if (progress() === fieldsets.length) say("Je hebt alle vragen beantwoord. De uitkomst staat onder de vragenlijst.");
  });
  questions.addEventListener("submit", (e) => e.preventDefault());

  $<HTMLFormElement>("scan-start").addEventListener("submit", (e) => e.preventDefault());
  $("scan-naam").addEventListener("input", (e) => {
    state.name = (e.target as HTMLInputElement).value;
    save();
    if (kb) printView(respondents() ? L.analyse(kb, respondents()!, state.thresholds) : null);
  });
  document.querySelectorAll<HTMLInputElement>("input[name=modus]").forEach((r) =>
    r.addEventListener("change", () => {
      if (!r.checked) return;
      state.mode = r.value === "team" ? "team" : "alleen";
      save();
      teamInfo();
      render();
    }),
  );

  $("scan-bestand").addEventListener("change", (e) => readFile(e.target as HTMLInputElement, (text, name) => readCSV(text, name)));
  $("scan-inlezen").addEventListener("click", () => {
    const text = $<HTMLTextAreaElement>("scan-plak").value;
    if (!text.trim()) {
      warn("Plak eerst de antwoorden in het tekstvak, met de kolomkoppen in de eerste rij.");
      return;
    }
    readCSV(text, "de geplakte antwoorden");
  });
  $("scan-leeg-csv").addEventListener("click", () => kb && download("implementatiescan-invulbestand.csv", "\ufeff" + L.emptyCSV(kb), "text/csv;charset=utf-8"));

  const grenzen = $<HTMLFormElement>("scan-grenzen");
  grenzen.addEventListener("submit", (e) => e.preventDefault());
  grenzen.addEventListener("input", () => {
    const read = (id: string) => {
      const input = $<HTMLInputElement>(id);
      const v = Number(input.value.replace(",", "."));
      const ok = input.value.trim() !== "" && isFinite(v) && v >= 1 && v <= 100;
      input.setAttribute("aria-invalid", String(!ok));
      return ok ? v / 100 : null;
    };
    const b = read("scan-grens-b");
    const f = read("scan-grens-f");
    if (b === null || f === null) {
      warn("Vul bij de grenzen een getal van 1 tot en met 100 in.");
      return;
    }
    warn("");
    state.thresholds = { barrier: b, facilitator: f };
    save();
    render();
  });

  $("scan-strategieen").addEventListener("change", (e) => {
    const box = e.target as HTMLInputElement;
    const id = box.dataset.plan;
    if (!id) return;
    state.plan = state.plan.filter((x) => x !== id);
    if (box.checked) state.plan.push(id);
    save();
    const a = kb && respondents() ? L.analyse(kb, respondents()!, state.thresholds) : null;
    plan(a);
    printView(a);
    say(box.checked ? "Toegevoegd aan je plan." : "Uit je plan gehaald.");
  });
  $("scan-plan").addEventListener("click", (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-remove]");
    if (!b) return;
    state.plan = state.plan.filter((x) => x !== b.dataset.remove);
    save();
    render();
    say("Uit je plan gehaald.");
    $("plan-kop").focus();
  });
  for (const id of ["plan-kop", "vragenlijst", "team-kop"]) $(id).setAttribute("tabindex", "-1");
  $("scan-meer").addEventListener("click", () => {
    showAll = !showAll;
    render();
  });

  $("scan-afdrukken").addEventListener("click", () => {
    render();
    window.print();
  });
  $("scan-print-vragen").addEventListener("click", () => {
    root.classList.add("scan-print-questions");
    window.print();
  });
  window.addEventListener("afterprint", () => root.classList.remove("scan-print-questions"));

  $("scan-csv").addEventListener("click", () => {
    const rs = respondents();
    if (!kb || !rs) return;
    download(fileName("csv", "uitkomst"), "\ufeff" + L.resultCSV(kb, L.analyse(kb, rs, state.thresholds), state.plan), "text/csv;charset=utf-8");
  });
  $("scan-antwoorden-csv").addEventListener("click", () => {
    const rs = respondents();
    if (!kb || !rs) return;
    download(fileName("csv", "antwoorden"), "\ufeff" + L.answersCSV(kb, rs), "text/csv;charset=utf-8");
  });
  $("scan-json").addEventListener("click", () => {
    if (!kb || !respondents()) return;
    download(fileName("json", "scan"), L.exportJSON(kb, scanState(), today()), "application/json");
  });
  $("scan-json-open").addEventListener("change", (e) =>
    readFile(e.target as HTMLInputElement, (text, name) => {
      if (!kb) return;
      const d = L.importJSON(kb, text);
      if (!d.ok) {
        warn(`${name}: ${d.message} Er is niets veranderd.`);
        return;
      }
      takeOver(d.value, name, `De scan uit ${name} is geopend.`);
    }),
  );

  $("scan-deel").addEventListener("click", () => {
    if (!kb || !respondents()) return;
    const link = location.href.split("#")[0] + "#" + L.encodeShare(kb, scanState());
    const field = $<HTMLInputElement>("scan-deellink");
    field.value = link;
    $("scan-deel-veld").hidden = false;
    field.focus();
    field.select();
    const done = () => say("De deellink staat in het veld en is gekopieerd. Wie de link opent, ziet je antwoorden.");
    if (navigator.clipboard) navigator.clipboard.writeText(link).then(done, () => say("De deellink staat in het veld. Kopieer hem met Ctrl+C of Cmd+C."));
    else say("De deellink staat in het veld. Kopieer hem met Ctrl+C of Cmd+C.");
  });

  $("scan-terug").addEventListener("click", () => {
    const old = load(BACKUP);
    if (!old) return;
    try {
      localStorage.removeItem(BACKUP);
    } catch {
      /* nothing to clean */
    }
    state = old;
    save();
    syncForm();
    teamInfo();
    render();
    $("scan-terug-p").hidden = true;
    say("Je eigen antwoorden staan er weer.");
  });

  const ask = $("scan-opnieuw-vraag");
  $("scan-opnieuw").addEventListener("click", () => {
    ask.hidden = false;
    $("scan-opnieuw-ja").focus();
  });
  $("scan-opnieuw-nee").addEventListener("click", () => {
    ask.hidden = true;
    $("scan-opnieuw").focus();
  });
  $("scan-opnieuw-ja").addEventListener("click", () => {
    state = fresh();
    try {
      localStorage.removeItem(KEY);
      localStorage.removeItem(BACKUP);
    } catch {
      /* nothing stored */
    }
    ask.hidden = true;
    $("scan-terug-p").hidden = true;
    $<HTMLTextAreaElement>("scan-plak").value = "";
    $("scan-deel-veld").hidden = true;
    warn("");
    syncForm();
    teamInfo();
    render();
    say("Alles is gewist. Je kunt opnieuw beginnen.");
    (state.mode === "alleen" ? $("vragenlijst") : $("team-kop")).focus();
  });

  window.addEventListener("hashchange", fromFragment);

  // ------------------------------------------------------------ start

  syncForm();
  teamInfo();
  render();
  fetch(root.dataset.kb || "")
    .then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    })
    .then((data: L.KnowledgeBase) => {
      kb = data;
      fromFragment();
      render();
      root.setAttribute("data-ready", "true");
    })
    .catch(() => warn("De gegevens van de scan konden niet worden geladen. Je antwoorden worden wel bewaard; probeer het later opnieuw."));
}

initScan();
