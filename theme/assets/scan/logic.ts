// The implementatiescan's logic, one module per concern, without DOM access and without state:
// every function takes the knowledge base (the parsed data/kennisbank.json) and returns plain
// data. Team input flows one way: file (CSV or .xlsx) → rows (sheet) → columns recognised or
// mapped by the reader (team) → answers on each determinant's scale → tallies (overall, per group,
// against an earlier measurement) → barriers, facilitators, ranking (outcome). Imports run one way:
// the outcome's shapes, the comparison, the saved state, then the commands (report() and the page).
//
// The page (assets/scan.ts) bundles these modules, and `kennisbank scan` runs this very file
// through goja (generator/scan, which embeds assets/scan/*.ts), so the browser and the command
// line cannot disagree.

export * from "./answers";
export * from "./compare";
export * from "./export";
export * from "./groups";
export * from "./kb";
export * from "./mapping";
export * from "./outcome";
export * from "./privacy";
export * from "./problem";
export * from "./rank";
export * from "./report";
export * from "./sheet";
export * from "./state";
export * from "./tally";
export * from "./team";
export { splitCSV } from "./csv";
export { decodeBytes, utf8, utf8Script } from "./text";
export { serialDate } from "./xlsx";
export { LIMITS, tooLarge } from "./grid";
export { isZip, wanted, ZIP_LIMITS } from "./parts";
export type { Unzipped, ZipFault } from "./parts";
export { headingRows, isMetadata, questions, recognise } from "./columns";
export type { How, Match } from "./columns";
