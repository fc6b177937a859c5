// The demo's village facts, as Jal Jeevan Mission and DAJGUA's list would report them: made up, from
// their own random stream (so the rest of the demo is drawn as before), in plausible proportions: most
// villages a few dozen to a few hundred households, about half with a tap in every house, a few not
// reported at all, and most of these forest districts' villages on DAJGUA's list.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { createRng } from "./random";

export const DEMO_TAP_FIGURES_AS_OF = "2025-03-31";
export const DEMO_DAJGUA_LIST_AS_OF = "2024-10-02";

export async function seedVillageFacts(db: Db, villageIds: readonly number[], seed: number): Promise<void> {
  const rng = createRng(seed ^ 0x6a6a6a);
  const facts = villageIds.map((id) => {
    const households = Math.min(1500, Math.max(15, Math.round(Math.exp(4.6 + 0.6 * rng.normal()))));
    const reported = rng.chance(0.92);
    const withTap = rng.chance(0.55) ? households : Math.floor(households * (0.3 + 0.68 * rng.next()));
    return { id, households: reported ? households : null, withTap: reported ? withTap : null, dajgua: rng.chance(0.65) };
  });
  for (let i = 0; i < facts.length; i += 5_000) {
    await db.execute(sql`
      INSERT INTO village_facts (village_id, households, households_with_tap, tap_as_of, dajgua, dajgua_as_of)
      SELECT (r->>'id')::int, (r->>'households')::int, (r->>'withTap')::int,
             CASE WHEN r->>'households' IS NULL THEN NULL ELSE ${DEMO_TAP_FIGURES_AS_OF}::date END, (r->>'dajgua')::boolean, ${DEMO_DAJGUA_LIST_AS_OF}::date
      FROM jsonb_array_elements(${JSON.stringify(facts.slice(i, i + 5_000))}::jsonb) r`);
  }
}
