// Site-wide script. Every page works without it; it only folds the header on small screens and
// adds filtering, search, the matrix filter and the citation buttons where the page has them.
import { initCite } from "./_cite";
import { initFilters } from "./_filter";
import { initHeader } from "./_header";
import { initMatrix } from "./_matrix";
import { initSearch } from "./_search";

document.documentElement.classList.add("js");
initHeader();
initFilters();
initSearch();
initMatrix();
initCite();
