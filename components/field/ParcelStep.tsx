"use client";
// A new claim's parcel, kept on its draft.
import type { Draft, FieldDatabase } from "@/workers/db/field-db";
import { setParcel } from "./drafts";
import { ParcelMap } from "./ParcelMap";

export function ParcelStep({ db, draft, locked }: { db: FieldDatabase; draft: Draft; locked: boolean }) {
  return <ParcelMap db={db} villageId={draft.villageId} claimType={draft.type} parcel={draft.parcel} onChange={(parcel) => setParcel(db, draft.id, parcel)} locked={locked} />;
}
