// Field tablets report which model version they run (and on what) each time they sync; the admin page
// lists them, so a publish can be followed out to the field.
import { sql } from "drizzle-orm";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { requireRole } from "../scope";

export async function recordHeartbeat(db: Db, user: SessionUser, input: { deviceId: string; modelVersion: number | null; backend: "webgpu" | "wasm" | null; pendingRecords: number }): Promise<{ ok: true }> {
  requireRole(user, ["field_staff", "district_official"]);
  await db.execute(sql`INSERT INTO devices (id, user_id, model_version, backend, pending_records, last_seen)
    VALUES (${input.deviceId}, ${user.id}, ${input.modelVersion}, ${input.backend}, ${input.pendingRecords}, now())
    ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, model_version = excluded.model_version, backend = excluded.backend,
      pending_records = excluded.pending_records, last_seen = now()`);
  return { ok: true };
}

export type DeviceRow = { id: string; user: string; modelVersion: number | null; backend: string | null; pendingRecords: number; lastSeen: string };

export async function listDevices(db: Db, actor: SessionUser): Promise<DeviceRow[]> {
  requireRole(actor, ["admin"]);
  return rows<DeviceRow>(db, sql`SELECT d.id, u.display_name AS user, d.model_version AS "modelVersion", d.backend, d.pending_records AS "pendingRecords", d.last_seen::text AS "lastSeen"
    FROM devices d JOIN users u ON u.id = d.user_id ORDER BY d.last_seen DESC LIMIT 500`);
}
