// The command line's way in: report() reads a team's file (bytes to report), as `kennisbank scan`
// asks, with the comparison to an earlier result when one is given. It builds on the outcome's
// shapes (outcome.ts), the comparison (compare.ts) and the saved state (state.ts).

import { compare, comparisonReport } from "./compare";
import { groupsOf } from "./groups";
import { fold, KnowledgeBase } from "./kb";
import { emptyMapping, headingsDiffer, Mapping, mappingFit, parseMapping } from "./mapping";
import { analyseSummary, groupsReport, Report, toReport } from "./outcome";
import { Unzipped } from "./parts";
import { columnLetter, fail, fileProblem, Result } from "./problem";
import { summarise } from "./privacy";
import { readFile, readText, Sheet } from "./sheet";
import { readEarlier } from "./state";
import { DEFAULTS, Thresholds } from "./tally";
import { GroupColumn, readTeam, Team, unknownProblem } from "./team";

export interface ReportOptions {
  threshold?: number;
  facilitator?: number;
  mapping?: string; // a mapping file's text
  group?: string; // a column's heading or letter
  compare?: string; // an earlier result's JSON text
  compareName?: string;
  sheet?: string; // the worksheet of a workbook to read
}

// report reads a team's file (bytes, or text as pasted; a workbook with its parts as the host
// unpacked them) and returns the report, or every problem that keeps it from being read. The
// command line calls this.
export function report(kb: KnowledgeBase, input: Uint8Array | string, o: ReportOptions = {}, zip?: Unzipped): Result<Report> {
  const t: Thresholds = { barrier: o.threshold === undefined ? DEFAULTS.barrier : o.threshold, facilitator: o.facilitator === undefined ? DEFAULTS.facilitator : o.facilitator };
  const sheet = typeof input === "string" ? readText(input) : readFile(input, zip, { sheet: o.sheet });
  if (!sheet.ok) return sheet;
  const mapping = mappingFor(kb, o.mapping, sheet.value);
  if (!mapping.ok) return mapping;
  const read = readTeam(kb, sheet.value, mapping.value);
  if (!read.ok) return read;
  const team = read.value;
  if (!team.ready) return fail(...team.problems.concat(team.unknownAnswers.map((u) => unknownProblem(kb, u))));
  let group: GroupColumn | undefined;
  if (o.group !== undefined) {
    const g = groupColumn(team, o.group);
    if (!g.ok) return g;
    group = g.value;
  }
  // What the command line prints is made of the summary alone: the privacy rule (privacy.ts).
  const summary = summarise(kb, team.answers, group);
  const a = analyseSummary(kb, summary, t);
  const rep = toReport(a, team.ignored);
  rep.notices = team.notices.map((n) => n.message_en);
  if (o.mapping !== undefined && mappingFit(mapping.value, sheet.value) === "unmarked") rep.notices.push("the mapping file does not say which headings it was made for (it has no fingerprint); it was applied by heading");
  if (o.sheet && sheet.value.format !== "xlsx") rep.notices.push(`--sheet ${o.sheet} was not used: the file is text (CSV), not a workbook`);
  if (summary.groups) {
    const groups = groupsOf(kb, summary.groups, t);
    rep.group_column = groups.column;
    rep.groups = groupsReport(groups);
    rep.hidden_groups = groups.small + groups.alsoHidden.length;
  }
  if (o.compare !== undefined) {
    const e = readEarlier(kb, o.compare, o.compareName || "", t);
    if (!e.ok) return fail(fileProblem(e.message, e.message_en, "compare"));
    rep.comparison = comparisonReport(compare(kb, a.tallies, e.value, t));
  }
  return { ok: true, value: rep };
}

// mappingFor reads the mapping file, if there is one, and holds it to the sheet's headings: a
// mapping made for other headings is refused, saying which differ.
function mappingFor(kb: KnowledgeBase, text: string | undefined, sheet: Sheet): Result<Mapping> {
  if (text === undefined) return { ok: true, value: emptyMapping() };
  const m = parseMapping(kb, text);
  if (!m.ok) return fail(fileProblem(m.message, m.message_en, "mapping"));
  if (mappingFit(m.value, sheet) !== "differs") return m;
  const d = headingsDiffer(m.value, sheet);
  const quote = (hs: string[]) => hs.map((h) => `"${h}"`).join(", ");
  const which = [d.added.length ? `this file has ${quote(d.added.slice(0, 5))}${d.added.length > 5 ? ` and ${d.added.length - 5} more` : ""}` : "", d.missing.length ? `the mapping's file had ${quote(d.missing.slice(0, 5))}${d.missing.length > 5 ? ` and ${d.missing.length - 5} more` : ""}` : ""].filter(Boolean).join("; ");
  return fail(
    fileProblem(
      `Deze koppeling is gemaakt voor een bestand met andere kolomkoppen. Maak de koppeling opnieuw met dit bestand.`,
      `the mapping was made for a file with other column headings (${which || "the headings differ"}); make the mapping again on the scan page with this file, or delete "fingerprint" from the mapping file to apply it by heading anyway`,
      "mapping",
    ),
  );
}

// groupColumn finds the column to compare groups by, by its heading (case and punctuation do not
// count) or its letter.
function groupColumn(team: Team, name: string): Result<GroupColumn> {
  for (const g of team.groupColumns) if (fold(g.heading) === fold(name) && fold(name) !== "") return { ok: true, value: g };
  for (const c of team.columns) {
    if (c.letter !== name.trim().toUpperCase()) continue;
    for (const g of team.groupColumns) if (g.heading === c.heading) return { ok: true, value: g };
  }
  const list = team.groupColumns.map((g) => `"${g.heading}"`).join(", ");
  const known = team.columns.some((c) => fold(c.heading) === fold(name) || c.letter === name.trim().toUpperCase());
  const why = known ? "its values are not a few repeated ones, as a role or team is (it holds free text, numbers such as FTE, or a value per respondent), or it has only one value, or it is a survey tool's own column (e-mail, name, time)" : "there is no such column";
  return fail(fileProblem(`Met de kolom "${name}" kun je geen groepen vergelijken.`, `--group ${name}: ${why}; columns to compare groups by: ${list || "none"} (columns A–${columnLetter(team.columns.length)})`));
}
