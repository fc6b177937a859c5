// The import of what line departments report of villages: a CSV keyed by census code, with Jal Jeevan
// Mission's households and those with a tap connection, and whether the village is on DAJGUA's list. The
// departments' own sheets carry many more columns (names, blocks, habitations): those are passed over and
// named back, never guessed at. A file with any bad row is refused whole, each problem with its line.
import { z } from "zod";
import { isoDate } from "./claims";

export const VILLAGE_FACTS_COLUMNS = ["census_code", "households", "households_with_tap", "dajgua"] as const;
const FACT_COLUMNS = VILLAGE_FACTS_COLUMNS.slice(1);

/** A state's villages (about 45,000) at a few dozen bytes a row fit well inside this. */
export const MAX_VILLAGE_FACTS_BYTES = 4_000_000;
const MAX_PROBLEMS = 10;

/** The first ten problems, and how many more there are. */
export const firstProblems = (problems: readonly string[]): string[] =>
  problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more`] : [...problems];

export const villageFactsImportSchema = z.object({
  csv: z.string().min(1, "the file is empty").max(MAX_VILLAGE_FACTS_BYTES, `a file of village facts holds at most ${MAX_VILLAGE_FACTS_BYTES / 1e6} MB: split it by district`),
  fileName: z.string().trim().min(1, "name the file").max(200),
  // The day the departments' figures were true: a later import replaces them only with figures as new or newer.
  asOf: isoDate,
}).strict();
export type VillageFactsImport = z.infer<typeof villageFactsImportSchema>;

export type VillageFactsRow = {
  line: number;
  censusCode: string;
  taps: { households: number; withTap: number } | null;
  dajgua: boolean | null;
};

const blankToNull = (s: string) => (s.trim() === "" ? null : s.trim());
const count = z.string().regex(/^\d{1,7}$/, { message: "a whole number", abort: true }).transform(Number).nullable();
const yesNo = z.string().transform((s) => s.toLowerCase()).pipe(z.enum(["yes", "no", "y", "n", "true", "false", "1", "0"], { message: "yes or no" }))
  .transform((s) => ["yes", "y", "true", "1"].includes(s)).nullable();

const rowSchema = z.object({
  census_code: z.string({ message: "a census code is needed" }).max(32, "a census code is at most 32 characters"),
  households: count,
  households_with_tap: count,
  dajgua: yesNo,
}).superRefine((r, ctx) => {
  if ((r.households === null) !== (r.households_with_tap === null)) {
    ctx.addIssue({ code: "custom", path: ["households_with_tap"], message: "give households and households_with_tap together" });
  } else if (r.households !== null && r.households_with_tap !== null) {
    if (r.households === 0) ctx.addIssue({ code: "custom", path: ["households"], message: "a village of no households has nothing to report" });
    else if (r.households_with_tap > r.households) {
      ctx.addIssue({ code: "custom", path: ["households_with_tap"], message: `${r.households_with_tap} taps in ${r.households} households` });
    }
  }
  if (r.households === null && r.dajgua === null) ctx.addIssue({ code: "custom", path: [], message: "the row gives no facts" });
});

export type ReadVillageFacts = { rows: VillageFactsRow[]; ignoredColumns: string[] } | { problems: string[] };

/** The rows of a parsed CSV (header first) as facts, or every problem found (the first ten), by line. */
export function readVillageFacts(records: readonly string[][]): ReadVillageFacts {
  const [header, ...body] = records;
  if (!header) return { problems: ["the file is empty"] };
  const names = header.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(VILLAGE_FACTS_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof VILLAGE_FACTS_COLUMNS)[number], number>;
  if (at.census_code < 0) return { problems: [`line 1: no census_code column (the columns read are ${VILLAGE_FACTS_COLUMNS.join(", ")})`] };
  if (FACT_COLUMNS.every((c) => at[c] < 0)) return { problems: [`line 1: no column of facts (${FACT_COLUMNS.join(", ")})`] };
  const repeated = names.filter((n, i) => n !== "" && names.indexOf(n) !== i);
  if (repeated.length) return { problems: [`line 1: the column ${repeated[0]} is there twice`] };
  if (body.length === 0) return { problems: ["the file has a header and no villages"] };

  const rows: VillageFactsRow[] = [];
  const problems: string[] = [];
  const lineOf = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2; // parseCsv skips blank records, so this is the record's number, as a spreadsheet shows it
    const cell = (c: (typeof VILLAGE_FACTS_COLUMNS)[number]) => (at[c] < 0 ? null : blankToNull(cells[at[c]] ?? ""));
    const parsed = rowSchema.safeParse(Object.fromEntries(VILLAGE_FACTS_COLUMNS.map((c) => [c, cell(c)])));
    if (!parsed.success) {
      problems.push(`line ${line}: ${parsed.error.issues.map((e) => `${e.path.join(".") || "row"}: ${e.message}`).join("; ")}`);
      return;
    }
    const r = parsed.data;
    const seen = lineOf.get(r.census_code);
    if (seen !== undefined) problems.push(`line ${line}: census code ${r.census_code} is on line ${seen} too`);
    lineOf.set(r.census_code, line);
    rows.push({
      line, censusCode: r.census_code, dajgua: r.dajgua,
      taps: r.households === null || r.households_with_tap === null ? null : { households: r.households, withTap: r.households_with_tap },
    });
  });
  if (problems.length) return { problems: firstProblems(problems) };
  return { rows, ignoredColumns: header.filter((_, i) => names[i] !== "" && !(VILLAGE_FACTS_COLUMNS as readonly string[]).includes(names[i]!)).map((h) => h.trim()) };
}
