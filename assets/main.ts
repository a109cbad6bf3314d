// Site-wide script. Every page works without it; it only adds filtering, search, suggestions in
// the header's search box and the matrix filter where the page has them.
import { initFilters } from "./_filter";
import { initMatrix } from "./_matrix";
import { initSuggestions } from "./search/combobox";
import { initSearchPage } from "./search/page";

document.documentElement.classList.add("js");
initFilters();
initSearchPage();
initSuggestions();
initMatrix();
