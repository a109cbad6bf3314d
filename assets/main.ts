// Site-wide script. Every page works without it; it only adds filtering, search and the matrix
// filter where the page has them.
import { initFilters } from "./_filter";
import { initMatrix } from "./_matrix";
import { initSearch } from "./_search";

document.documentElement.classList.add("js");
initFilters();
initSearch();
initMatrix();
