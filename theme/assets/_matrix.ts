// Category filter on the matrix: hides the determinant columns of other categories and the
// strategies without a link in the columns that remain.
export function initMatrix(): void {
  const form = document.getElementById("matrix-filter") as HTMLFormElement | null;
  const table = document.getElementById("matrix") as HTMLTableElement | null;
  if (!form || !table) return;
  const select = form.elements.namedItem("categorie") as HTMLSelectElement;
  form.hidden = false;
  const apply = () => {
    const cat = select.value;
    table.querySelectorAll<HTMLElement>("[data-cat]").forEach((el) => {
      el.hidden = cat !== "" && el.dataset.cat !== cat;
    });
    table.querySelectorAll<HTMLTableRowElement>("tbody tr").forEach((tr) => {
      tr.hidden = cat !== "" && !tr.querySelector(`td[data-cat="${cat}"][class]`);
    });
    const p = new URLSearchParams(location.search);
    if (cat) p.set("categorie", cat);
    else p.delete("categorie");
    const q = p.toString();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
  };
  select.value = new URLSearchParams(location.search).get("categorie") || "";
  select.addEventListener("change", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  apply();
}
