// The admin page's check banner, for `kennisbank serve` only: after the CMS saves an entry, it
// waits until the development server has rebuilt the site with it and shows the problems `check`
// found in the saved file, or that there are none. Decap CMS itself never sees them: the build
// is what decides whether the site can be published.

interface Problem {
  file: string;
  line: number;
  message: string;
  entry: string; // the title of the entry the file holds; "" for site.toml or a template
  field: string; // the field's label in the CMS; "" when the problem is about no one field
}

interface Answer {
  saved: string[]; // the files of the last save, from the project folder
  titles: string[]; // their entries' titles
  ready: boolean; // a build that started after the save has finished
  problems: Problem[]; // in the saved files
  warnings: Problem[]; // in the saved files: on the site, but the text may not be finished
  notes: Problem[]; // how easy the saved texts are to read: never problems
  others: Problem[]; // in other files, which keep the change off the site too
  more: number; // problems in other files beyond those listed
}

interface DecapCMS {
  registerEventListener(listener: { name: string; handler: () => void }): void;
}

const endpoint = new URL("../_kennisbank/cms/problems", location.href).href;
const pollEvery = 250; // ms
const slowAfter = 20000; // ms

const banner = document.createElement("section");
banner.className = "kb-check";
banner.setAttribute("aria-label", "Controle");
banner.setAttribute("role", "status");
banner.hidden = true;
document.body.append(banner);

async function ask(): Promise<Answer> {
  const r = await fetch(endpoint, { cache: "no-store" });
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return (await r.json()) as Answer;
}

// waitForCheck asks until a build has seen the save; after a while it says that the check
// takes longer, and goes on asking.
async function waitForCheck(): Promise<Answer> {
  const start = Date.now();
  for (;;) {
    const answer = await ask();
    if (answer.ready) return answer;
    if (Date.now() - start > slowAfter) {
      show("busy", "Opgeslagen. De controle duurt langer dan gewoonlijk; deze melding verschijnt zodra hij klaar is.");
    }
    await new Promise((done) => setTimeout(done, pollEvery));
  }
}

function show(state: "busy" | "ok" | "problems", title: string, lines: string[] = []): void {
  banner.dataset.state = state;
  banner.replaceChildren();
  const heading = document.createElement("p");
  heading.className = "kb-check-title";
  heading.textContent = title;
  banner.append(heading);
  if (lines.length > 0) {
    const list = document.createElement("ul");
    for (const line of lines) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    banner.append(list);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Sluiten";
  close.addEventListener("click", () => {
    banner.hidden = true;
  });
  banner.append(close);
  banner.hidden = false;
}

// where names a problem's place as the editor knows it: the field by its label and the line, and
// for a problem elsewhere the entry by its title. A file that is no entry (site.toml, a
// template) is the site's manager's to fix.
function where(p: Problem, elsewhere: boolean): string {
  const parts: string[] = [];
  if (elsewhere) parts.push(p.entry !== "" ? `‘${p.entry}’` : p.file);
  if (p.field !== "") parts.push(`veld ‘${p.field}’`);
  if (p.line > 0) parts.push(`regel ${p.line}`);
  const manager = p.entry === "" ? " Vraag de beheerder van de site om dit op te lossen." : "";
  return `${parts.join(", ")}: ${p.message}${manager}`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function report(answer: Answer): void {
  const names = answer.titles.map((t) => `‘${t}’`).join(", ");
  const others = answer.others.map((p) => where(p, true));
  if (answer.more > 0) others.push(`en nog ${count(answer.more, "probleem", "problemen")} elders.`);
  // Unfinished text and how easy it reads come after what keeps the change off the site.
  const after = answer.warnings.map((p) => `Let op, ${where(p, false)}`).concat(answer.notes.map((p) => `Leesbaarheid${p.line > 0 ? `, regel ${p.line}` : ""}: ${p.message}`));
  if (answer.problems.length > 0) {
    const lines = answer.problems.map((p) => where(p, false));
    const n = answer.problems.length;
    show("problems", `Opgeslagen, maar ${names} heeft ${n === 1 ? "een probleem" : `${n} problemen`}. Tot je ${n === 1 ? "het" : "ze"} oplost, toont de site de vorige versie.`, lines.concat(others, after));
    return;
  }
  if (others.length > 0) {
    show("problems", `${names} is opgeslagen zonder problemen, maar staat nog niet op de site: elders moet eerst nog iets worden opgelost.`, others.concat(after));
    return;
  }
  show("ok", `Opgeslagen en gecontroleerd: ${names} staat op de site.`, after);
}

// saves counts the saves: when the editor saves again while the check of an earlier save is
// still waiting, only the newest one may fill the banner.
let saves = 0;

async function afterSave(): Promise<void> {
  const save = ++saves;
  show("busy", "Opgeslagen. De site wordt opnieuw gebouwd en gecontroleerd…");
  try {
    const answer = await waitForCheck();
    if (save === saves) report(answer);
  } catch (err) {
    if (save !== saves) return;
    show("problems", `Je wijziging is opgeslagen, maar de controle kon niet worden opgevraagd (${String(err)}). Laad deze pagina opnieuw om het nog eens te proberen.`);
  }
}

const cms = (window as unknown as { CMS?: DecapCMS }).CMS;
cms?.registerEventListener({
  name: "postSave",
  handler: () => {
    void afterSave();
  },
});
