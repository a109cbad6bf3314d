// Site-wide script. Every page works without it; it only folds the header on small screens and
// adds filtering, search, suggestions in the header's search box, the matrix filter and the
// citation buttons where the page has them.
import { initCite } from "./_cite";
import { initFilters } from "./_filter";
import { initHeader } from "./_header";
import { initMatrix } from "./_matrix";
import { initSuggestions } from "./search/combobox";
import { initSearchPage } from "./search/page";

document.documentElement.classList.add("js");
initHeader();
initFilters();
initSearchPage();
initSuggestions();
initMatrix();
initCite();
