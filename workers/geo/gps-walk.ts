// Walking a parcel boundary with the tablet's GPS (navigator.geolocation.watchPosition): keep a fix only
// when its accuracy is within the user's threshold, and skip fixes that are just the receiver jittering
// while the user stands still.
import type { Position } from "./parcel";

export type Fix = { lon: number; lat: number; accuracyM: number; at: number };
export type WalkSettings = { maxAccuracyM: number; minStepM: number };
export type WalkState = { kept: Position[]; rejectedInaccurate: number; skippedJitter: number; lastAccuracyM: number | null };

export const DEFAULT_WALK: WalkSettings = { maxAccuracyM: 10, minStepM: 3 };

/** Metres between two positions (haversine; plenty for steps of metres). */
export function distanceM(a: Position, b: Position): number {
  const r = 6_371_008.8;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b[1] - a[1]);
  const dLon = toRad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

export const startWalk = (): WalkState => ({ kept: [], rejectedInaccurate: 0, skippedJitter: 0, lastAccuracyM: null });

export function addFix(state: WalkState, fix: Fix, settings: WalkSettings): WalkState {
  const next = { ...state, lastAccuracyM: fix.accuracyM };
  if (!Number.isFinite(fix.accuracyM) || fix.accuracyM > settings.maxAccuracyM) return { ...next, rejectedInaccurate: state.rejectedInaccurate + 1 };
  const p: Position = [fix.lon, fix.lat];
  const last = state.kept.at(-1);
  if (last && distanceM(last, p) < Math.max(settings.minStepM, fix.accuracyM / 2)) return { ...next, skippedJitter: state.skippedJitter + 1 };
  return { ...next, kept: [...state.kept, p] };
}
