// Admins read the corrections field staff made and accept those fit to train on (or reject them).
import { sql } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { requireRole } from "../scope";
import { recordAdminAction } from "./audit";

export type CorrectionItem = { id: string; text: string; predicted: unknown[]; corrected: unknown[]; modelVersion: number | null; meanConfidence: number | null; status: string; reviewer: string; createdAt: string };

export async function listCorrections(db: Db, actor: SessionUser, status: "new" | "accepted" | "rejected", limit = 50): Promise<{ items: CorrectionItem[]; counts: Record<string, number> }> {
  requireRole(actor, ["admin"]);
  const items = await rows<CorrectionItem>(db, sql`SELECT k.id, k.text, k.predicted, k.corrected, k.model_version AS "modelVersion", k.mean_confidence AS "meanConfidence", k.status,
      u.display_name AS reviewer, k.created_at::text AS "createdAt" FROM corrections k JOIN users u ON u.id = k.reviewer_id
    WHERE k.status = ${status} ORDER BY k.created_at DESC LIMIT ${limit}`);
  const counts = Object.fromEntries((await rows<{ status: string; n: number }>(db, sql`SELECT status, count(*)::int AS n FROM corrections GROUP BY status`)).map((r) => [r.status, r.n]));
  return { items, counts };
}

export async function reviewCorrections(db: Db, actor: SessionUser, input: { ids: string[]; status: "accepted" | "rejected" }): Promise<{ updated: number }> {
  requireRole(actor, ["admin"]);
  const list = sql.join(input.ids.map((id) => sql`${id}::uuid`), sql`, `);
  const updated = await rows<{ id: string }>(db, sql`UPDATE corrections SET status = ${input.status} WHERE id IN (${list}) RETURNING id`);
  await recordAdminAction(db, actor, `corrections.${input.status}`, `${updated.length} corrections`, { ids: input.ids });
  return { updated: updated.length };
}
