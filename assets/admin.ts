// The admin page's check banner, for `kennisbank serve` only: after the CMS saves an entry, it
// waits until the development server has rebuilt the site with it and shows the problems `check`
// found in the saved file, or that there are none. Decap CMS itself never sees them: the build
// is what decides whether the site can be published.

interface Problem {
  file: string;
  line: number;
  message: string;
}

interface Answer {
  saved: string[]; // the files of the last save, from the project folder
  ready: boolean; // a build that started after the save has finished
  problems: Problem[]; // in the saved files
  others: number; // in other files
}

interface DecapCMS {
  registerEventListener(listener: { name: string; handler: () => void }): void;
}

const endpoint = new URL("../_kennisbank/cms/problems", location.href).href;
const pollEvery = 250; // ms
const giveUpAfter = 30000; // ms

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

// waitForCheck asks until a build has seen the save.
async function waitForCheck(): Promise<Answer | null> {
  const start = Date.now();
  while (Date.now() - start < giveUpAfter) {
    const answer = await ask();
    if (answer.ready) return answer;
    await new Promise((done) => setTimeout(done, pollEvery));
  }
  return null;
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

function others(n: number): string[] {
  if (n === 0) return [];
  return [`Elders in de site ${n === 1 ? "is nog 1 probleem" : `zijn nog ${n} problemen`}; kijk in het venster waarin kennisbank serve draait.`];
}

function report(answer: Answer): void {
  const files = answer.saved.join(", ");
  if (answer.problems.length === 0) {
    show(answer.others > 0 ? "problems" : "ok", `Opgeslagen en gecontroleerd: geen problemen in ${files}.`, others(answer.others));
    return;
  }
  const lines = answer.problems.map((p) => (p.line > 0 ? `Regel ${p.line}: ${p.message}` : p.message));
  show("problems", `Opgeslagen, maar ${files} heeft ${answer.problems.length === 1 ? "een probleem" : `${answer.problems.length} problemen`}. Tot je ${answer.problems.length === 1 ? "het" : "ze"} oplost, toont de site de vorige versie.`, lines.concat(others(answer.others)));
}

async function afterSave(): Promise<void> {
  show("busy", "Opgeslagen. De site wordt opnieuw gebouwd en gecontroleerd…");
  try {
    const answer = await waitForCheck();
    if (answer === null) {
      show("problems", "De controle duurt lang. Kijk in het venster waarin kennisbank serve draait.");
      return;
    }
    report(answer);
  } catch (err) {
    show("problems", `De controle is niet gelukt (${String(err)}). Draait kennisbank serve nog?`);
  }
}

const cms = (window as unknown as { CMS?: DecapCMS }).CMS;
cms?.registerEventListener({
  name: "postSave",
  handler: () => {
    void afterSave();
  },
});
