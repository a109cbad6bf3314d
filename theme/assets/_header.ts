// On a small screen the header's search and menu fold behind two buttons, each a disclosure
// (a <button> with aria-expanded and aria-controls). The stylesheet decides when they fold:
// the buttons only show on a small screen, and without JavaScript nothing folds.
export function initHeader(): void {
  document.querySelectorAll<HTMLButtonElement>(".header-toggle").forEach((button) => {
    const panel = document.getElementById(button.getAttribute("aria-controls") || "");
    if (!panel) return;
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("is-open", open);
      // Whoever opens the search wants to type.
      if (open) panel.querySelector<HTMLInputElement>("input[type=search]")?.focus();
    });
  });
}
