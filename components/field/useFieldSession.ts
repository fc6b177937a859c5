"use client";
// Who is using the tablet, online or not: the server's answer when it can be asked, otherwise the user
// who last signed in here (their drafts are on this tablet and keep working offline).
import { useEffect, useState } from "react";
import { fieldAreaSchema } from "@/configs/contracts/field";
import { trpc } from "@/components/trpc";
import { deviceDb, fieldDbFor, getMeta, setMeta, type FieldDatabase } from "@/workers/db/field-db";
import { storeArea } from "@/workers/sync/sync-engine";

export type FieldUser = { id: string; username: string; displayName: string; role: string };
export type FieldSession =
  | { state: "loading" }
  | { state: "signed-out"; offline: boolean }
  | { state: "ready"; user: FieldUser; db: FieldDatabase; verifiedOnline: boolean };

const LAST_USER = "lastUser";

export function useFieldSession(): FieldSession {
  const [session, setSession] = useState<FieldSession>({ state: "loading" });
  useEffect(() => {
    let stop = false;
    (async () => {
      const device = deviceDb();
      const cached = await getMeta<FieldUser>(device, LAST_USER);
      try {
        const me = await trpc.auth.me.query();
        if (stop) return;
        if (!me) return setSession({ state: "signed-out", offline: false });
        const user: FieldUser = { id: me.id, username: me.username, displayName: me.displayName, role: me.role };
        await setMeta(device, LAST_USER, user);
        setSession({ state: "ready", user, db: fieldDbFor(user.id), verifiedOnline: true });
      } catch {
        // No server: carry on as the last user of this tablet.
        if (stop) return;
        setSession(cached ? { state: "ready", user: cached, db: fieldDbFor(cached.id), verifiedOnline: false } : { state: "signed-out", offline: true });
      }
    })();
    return () => {
      stop = true;
    };
  }, []);
  return session;
}

const AREA_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** Refreshes the cached villages and claims of the user's area when online and the copy is old. */
export async function refreshArea(db: FieldDatabase, userId: string, force = false): Promise<void> {
  const cached = await db.area.get("area");
  if (!force && cached && Date.now() - cached.fetchedAt < AREA_MAX_AGE_MS) return;
  await storeArea(db, userId, fieldAreaSchema.parse(await trpc.field.area.query()));
}
