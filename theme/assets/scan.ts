// The implementatiescan page's script: see scan/page/main.ts. The scan's logic (no DOM) is in
// scan/*.ts, the page's modules in scan/page/.
import { initScan } from "./scan/page/main";

initScan();
