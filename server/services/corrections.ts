// Field corrections as training rows: the JSONL the trainer reads with --corrections (one
// nerExampleSchema row per line: the OCR text, the corrected spans, source and reviewer).
import { sql } from "drizzle-orm";
import { nerExampleSchema, type EntitySpan, type NerExample } from "@/configs/ner";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { requireRole } from "./scope";

export async function correctionRows(db: Db, user: SessionUser, status: "new" | "accepted" | "all" = "accepted"): Promise<NerExample[]> {
  requireRole(user, ["admin"]);
  return correctionExamples(db, status);
}

/** The corrections as trainer rows, for the server's own use (dataset snapshots). */
export async function correctionExamples(db: Db, status: "new" | "accepted" | "all"): Promise<NerExample[]> {
  const found = await rows<{ text: string; corrected: EntitySpan[]; reviewer: string }>(db, sql`
    SELECT k.text, k.corrected, u.username AS reviewer FROM corrections k JOIN users u ON u.id = k.reviewer_id
    WHERE ${status === "all" ? sql`TRUE` : sql`k.status = ${status}`} ORDER BY k.created_at, k.id`);
  // Validated on the way out too: a row the trainer would refuse never leaves the server.
  return found.map((c) => nerExampleSchema.parse({ text: c.text, spans: c.corrected, source: "field_correction", reviewer: c.reviewer }));
}

export const toJsonl = (examples: readonly NerExample[]) => examples.map((e) => JSON.stringify(e)).join("\n") + (examples.length ? "\n" : "");
