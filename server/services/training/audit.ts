// The admin log: who did what to runs, models, datasets and settings, and why. Append-only.
import { sql } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";

export async function recordAdminAction(db: Db, actor: SessionUser | null, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  await db.execute(sql`INSERT INTO admin_audit (actor_id, action, target, detail) VALUES (${actor?.id ?? null}, ${action}, ${target}, ${JSON.stringify(detail)}::jsonb)`);
}

export type AdminAuditEntry = { id: number; actor: string | null; action: string; target: string; detail: Record<string, unknown>; at: string };

export async function adminLog(db: Db, limit = 100): Promise<AdminAuditEntry[]> {
  return rows<AdminAuditEntry>(db, sql`SELECT a.id::int AS id, u.display_name AS actor, a.action, a.target, a.detail, a.at::text AS at
    FROM admin_audit a LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.id DESC LIMIT ${limit}`);
}
