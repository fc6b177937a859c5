// The claims already filed in the user's area, cached for the offline parcel map: stored one row per
// village, since IndexedDB charges per row (a block's 20,000 claims as 20,000 rows took seconds to
// write) and the map shows one village at a time.
import type { AreaClaim } from "@/configs/contracts/field";
import { polygonsOf, type PolygonGeometry } from "@/configs/contracts/geojson";
import type { PulledChange } from "@/configs/contracts/sync";
import { NOTICE_RECEIPT_ENTRY, REJECTED_STATUSES, WORKFLOW_ACTIONS } from "@/configs/workflow";
import type { FieldDatabase, VillageClaimsRow } from "./field-db";

export function groupByVillage(claims: readonly AreaClaim[]): VillageClaimsRow[] {
  const byVillage = new Map<number, AreaClaim[]>();
  for (const claim of claims) {
    const list = byVillage.get(claim.villageId);
    if (list) list.push(claim);
    else byVillage.set(claim.villageId, [claim]);
  }
  return [...byVillage].map(([villageId, list]) => ({ villageId, claims: list }));
}

/** Replaces the whole cache with a fresh copy of the area's claims (inside the caller's transaction, if any). */
export async function replaceAreaClaims(db: FieldDatabase, claims: readonly AreaClaim[]): Promise<void> {
  await db.villageClaims.clear();
  await db.villageClaims.bulkPut(groupByVillage(claims));
}

export async function claimsOfVillage(db: FieldDatabase, villageId: number): Promise<AreaClaim[]> {
  return (await db.villageClaims.get(villageId))?.claims ?? [];
}

/** Applies pulled review decisions (status, version, the day of a rejection, a redrawn parcel, a notice's receipt) to the cached claims they touch, inside the caller's transaction. */
export async function applyPulledChanges(db: FieldDatabase, changes: readonly PulledChange[]): Promise<void> {
  const villageIds = [...new Set(changes.map((c) => c.villageId))];
  const rows = (await db.villageClaims.bulkGet(villageIds)).filter((row): row is VillageClaimsRow => row !== undefined);
  const byId = new Map(rows.flatMap((row) => row.claims.map((claim) => [claim.id, claim] as const)));
  for (const change of changes) {
    const claim = byId.get(change.claimId);
    // Changes come in audit order, so the last one for a claim is its state now; one older than the
    // cached copy (a page pulled before a fresher copy of the area arrived) is not applied over it.
    if (!claim || change.version < claim.version) continue;
    Object.assign(claim, { status: change.status, version: change.version });
    if (change.parcel) claim.parcel = change.parcel; // redrawn, or mapped at a field verification
    // A notice's receipt is recorded by its own entry, and any workflow step leaves it behind, as on the server.
    if (change.action === NOTICE_RECEIPT_ENTRY) claim.noticeReceivedOn = change.noticeReceivedOn ?? null;
    else if (isWorkflowAction(change.action)) {
      claim.noticeReceivedOn = null;
      claim.rejectedOn = REJECTED_STATUSES.includes(change.status) ? (change.indiaDay ?? null) : null;
    }
  }
  await db.villageClaims.bulkPut(rows);
}

const isWorkflowAction = (action: string) => (WORKFLOW_ACTIONS as readonly string[]).includes(action);

/** Every claim of the area the tablet holds, in claim-number order. */
export async function allAreaClaims(db: FieldDatabase): Promise<AreaClaim[]> {
  const rows = await db.villageClaims.toArray();
  return rows.flatMap((row) => row.claims).sort((a, b) => a.claimNo.localeCompare(b.claimNo));
}

const searchable = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The claims whose claimant or claim number holds every word of `query`, whatever the case and accents:
 * "kowase 344" finds Bhiku Kowase's claim MH-GAD-IFR-2008-000344.
 */
export function matchClaims(claims: readonly AreaClaim[], query: string): AreaClaim[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return claims.filter((c) => {
    const text = searchable(`${c.claimantName} ${c.claimNo}`);
    return words.every((w) => text.includes(w));
  });
}

/** Puts the boundaries the server accepted with field verifications on the cached claims (inside the caller's transaction). */
export async function applyVerifiedParcels(db: FieldDatabase, parcels: ReadonlyMap<string, PolygonGeometry>): Promise<void> {
  if (parcels.size === 0) return;
  // A decision names its claim, not its village: the area's rows are read once (a hundred or so).
  const rows = await db.villageClaims.toArray();
  const changed = rows.filter((row) => {
    let touched = false;
    for (const claim of row.claims) {
      const geometry = parcels.get(claim.id);
      if (!geometry) continue;
      claim.parcel = { type: "MultiPolygon", coordinates: polygonsOf(geometry) };
      touched = true;
    }
    return touched;
  });
  await db.villageClaims.bulkPut(changed);
}
