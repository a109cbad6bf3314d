// The buttons of the citation boxes (templates/partials/cite.html): copy a reference, or save it
// as a file made here in the browser (so the site needs no file per page). A status message
// says what happened. Without JavaScript the buttons stay hidden; the text can be selected.
export function initCite(): void {
  document.querySelectorAll<HTMLElement>(".cite").forEach((box) => {
    const status = box.querySelector<HTMLElement>(".cite-status");
    if (!status) return;
    box.querySelectorAll<HTMLElement>(".cite-actions").forEach((p) => (p.hidden = false));
    box.addEventListener("click", (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>("button[data-copy], button[data-save]");
      const source = button && document.getElementById(button.dataset.copy || button.dataset.save || "");
      if (!button || !source) return;
      if (button.dataset.copy) copy(source, button.dataset.name || "De tekst").then((message) => say(status, message));
      else say(status, save(source.textContent || "", button.dataset.file || "verwijzing.txt"));
    });
  });
}

// copy puts the text of source on the clipboard, and says how that went.
async function copy(source: HTMLElement, name: string): Promise<string> {
  const text = (source.textContent || "").trim();
  try {
    await navigator.clipboard.writeText(text);
    return `${name} is gekopieerd.`;
  } catch {
    // No clipboard access (a page not served over https, or a refusal): select the text, so
    // that the reader can copy it with the keyboard.
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    return `Kopiëren lukte niet. ${name} is geselecteerd: kopieer met Ctrl+C of Cmd+C.`;
  }
}

// save offers text as a file to download, and says so. RIS files take CRLF line endings.
function save(text: string, name: string): string {
  if (name.endsWith(".ris")) text = text.replace(/\r?\n/g, "\r\n");
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return `Het bestand ${name} staat in je downloads.`;
}

// say puts a message in the status region. It empties the region first, so that the same
// message twice in a row is announced twice.
function say(status: HTMLElement, message: string): void {
  status.textContent = "";
  setTimeout(() => (status.textContent = message), 50);
}
