// Village facts from the line departments (Jal Jeevan Mission's tap count, DAJGUA's list), imported by
// census code into village_facts, where the scheme advice for the village's titles reads them. One import
// is one transaction: a file with any bad row, an unknown or out-of-scope village, or figures older than
// those on record changes nothing, and says so line by line.
import { sql } from "drizzle-orm";
import { firstProblems, readVillageFacts, type VillageFactsImport, type VillageFactsRow } from "@/configs/contracts/village-facts";
import { indiaDayOf, longDate } from "@/configs/india-day";
import type { VillageFacts } from "@/configs/schemes";
import { DISTRICT_OFFICE_ROLES } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows, transaction, type Db } from "@/server/db/client";
import { parseCsv } from "./csv";
import { DomainError } from "./errors";
import { requireRole, scopeCondition } from "./scope";
import { recordAdminAction } from "./training/audit";

export type VillageFactsImported = { villages: number; taps: number; dajgua: number; ignoredColumns: string[] };

// A fact in the file replaces the recorded one when it is as new or newer.
const replaces = (day: string) => ({ newer: sql.raw(`EXCLUDED.${day} IS NOT NULL AND (village_facts.${day} IS NULL OR EXCLUDED.${day} >= village_facts.${day})`) });
const taps = replaces("tap_as_of");
const dajgua = replaces("dajgua_as_of");

type KnownVillage = { id: number; census_code: string; name: string; in_scope: boolean; tap_as_of: string | null; dajgua_as_of: string | null };

export async function importVillageFacts(db: Db, user: SessionUser, input: VillageFactsImport): Promise<VillageFactsImported> {
  requireRole(user, DISTRICT_OFFICE_ROLES);
  // `shown`: the problems as the file is told them, already cut to the first ten (readVillageFacts does so).
  const refuse = (shown: readonly string[]) => new DomainError("BAD_REQUEST", `${input.fileName} was not imported, nothing changed: ${shown.join("; ")}`);
  if (input.asOf > indiaDayOf(Date.now())) throw refuse([`the figures cannot be as of ${longDate(input.asOf)}, a day still to come`]);
  const read = readVillageFacts(parseCsv(input.csv));
  if ("problems" in read) throw refuse(read.problems);

  return transaction(db, async (tx) => {
    const known = new Map((await rows<KnownVillage>(
      tx,
      sql`SELECT v.id, v.census_code, v.name, ${scopeCondition(user, "v")} AS in_scope, f.tap_as_of::text AS tap_as_of, f.dajgua_as_of::text AS dajgua_as_of
          FROM villages v LEFT JOIN village_facts f ON f.village_id = v.id
          WHERE v.census_code IN (SELECT jsonb_array_elements_text(${JSON.stringify(read.rows.map((r) => r.censusCode))}::jsonb))`,
    )).map((v) => [v.census_code, v]));
    const problems = read.rows.flatMap((r) => rowProblem(r, known.get(r.censusCode), input.asOf) ?? []);
    if (problems.length) throw refuse(firstProblems(problems));

    const facts = read.rows.map((r) => ({ id: known.get(r.censusCode)!.id, households: r.taps?.households ?? null, withTap: r.taps?.withTap ?? null, dajgua: r.dajgua }));
    await tx.execute(sql`
      INSERT INTO village_facts (village_id, households, households_with_tap, tap_as_of, dajgua, dajgua_as_of, updated_by, updated_at)
      SELECT (r->>'id')::int, (r->>'households')::int, (r->>'withTap')::int, CASE WHEN r->>'households' IS NULL THEN NULL ELSE ${input.asOf}::date END,
             (r->>'dajgua')::boolean, CASE WHEN r->>'dajgua' IS NULL THEN NULL ELSE ${input.asOf}::date END, ${user.id}::uuid, now()
      FROM jsonb_array_elements(${JSON.stringify(facts)}::jsonb) r
      ON CONFLICT (village_id) DO UPDATE SET
        -- A file that leaves a fact out leaves what is recorded of it, and so do figures older than those
        -- recorded (checked above with a message; here again, for an import committed in between).
        households = CASE WHEN ${taps.newer} THEN EXCLUDED.households ELSE village_facts.households END,
        households_with_tap = CASE WHEN ${taps.newer} THEN EXCLUDED.households_with_tap ELSE village_facts.households_with_tap END,
        tap_as_of = CASE WHEN ${taps.newer} THEN EXCLUDED.tap_as_of ELSE village_facts.tap_as_of END,
        dajgua = CASE WHEN ${dajgua.newer} THEN EXCLUDED.dajgua ELSE village_facts.dajgua END,
        dajgua_as_of = CASE WHEN ${dajgua.newer} THEN EXCLUDED.dajgua_as_of ELSE village_facts.dajgua_as_of END,
        updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
    const imported = {
      villages: facts.length,
      taps: facts.filter((f) => f.households !== null).length,
      dajgua: facts.filter((f) => f.dajgua !== null).length,
      ignoredColumns: read.ignoredColumns,
    };
    await recordAdminAction(tx, user, "import_village_facts", input.fileName, { asOf: input.asOf, ...imported });
    return imported;
  });
}

function rowProblem(r: VillageFactsRow, village: KnownVillage | undefined, asOf: string): string | null {
  if (!village) return `line ${r.line}: no village has the census code ${r.censusCode}`;
  if (!village.in_scope) return `line ${r.line}: ${village.name} (${r.censusCode}) is not in your districts`;
  // Figures of an older day never overwrite newer ones: a department's sheet sent twice, or out of order.
  const newer = [r.taps && village.tap_as_of && village.tap_as_of > asOf ? `tap figures of ${longDate(village.tap_as_of)}` : null,
    r.dajgua !== null && village.dajgua_as_of && village.dajgua_as_of > asOf ? `DAJGUA listing of ${longDate(village.dajgua_as_of)}` : null].filter(Boolean);
  return newer.length ? `line ${r.line}: ${village.name} already has ${newer.join(" and ")}, newer than this file's ${longDate(asOf)}` : null;
}

/** A village's facts as the scheme advice reads them (`f`: village_facts). */
export const VILLAGE_FACTS_JSON = sql`json_build_object('households', f.households, 'householdsWithTap', f.households_with_tap,
  'tapAsOf', f.tap_as_of, 'dajgua', f.dajgua, 'dajguaAsOf', f.dajgua_as_of)`;

/** Every household of the village has a tap, by its recorded figures (`f`: village_facts); null if none are. */
export const VILLAGE_ALL_TAPS = sql`f.households_with_tap >= f.households`;

/** What is recorded of a village, as the scheme advice reads it; null when nothing is. */
export async function villageFactsOf(db: Db, villageId: number): Promise<VillageFacts | null> {
  const [f] = await rows<{ facts: VillageFacts }>(db, sql`SELECT ${VILLAGE_FACTS_JSON} AS facts FROM village_facts f WHERE f.village_id = ${villageId}`);
  return f?.facts ?? null;
}

/** How many of the user's villages (in one district, if given) have facts recorded, of how many. */
export async function villageFactsCoverage(db: Db, user: SessionUser, districtId?: number): Promise<{ villages: number; withTaps: number; withDajgua: number }> {
  const [c] = await rows<{ villages: number; with_taps: number; with_dajgua: number }>(
    db,
    sql`SELECT count(*)::int AS villages, count(f.households)::int AS with_taps, count(f.dajgua)::int AS with_dajgua
        FROM villages v LEFT JOIN village_facts f ON f.village_id = v.id
        WHERE ${scopeCondition(user, "v")} ${districtId ? sql`AND v.district_id = ${districtId}` : sql``}`,
  );
  return { villages: Number(c?.villages ?? 0), withTaps: Number(c?.with_taps ?? 0), withDajgua: Number(c?.with_dajgua ?? 0) };
}
