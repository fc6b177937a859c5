// Retrain triggers: enough new accepted corrections since the last stable model, a schedule, the field
// model growing unsure (mean confidence on recent forms), or reading recent forms worse than users
// corrected them to (F1 of its spans against the corrected ones). The admin page shows which fired; with
// auto-launch on, a firing trigger queues a run (at most one a day, never beside another).
import { sql } from "drizzle-orm";
import { DEFAULT_TRIGGERS, retrainTriggersSchema, type RetrainTriggers } from "@/configs/training";
import type { EntitySpan } from "@/configs/ner";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { requireRole } from "../scope";
import { recordAdminAction } from "./audit";
import type { Launchers } from "./launchers";
import { launchRun } from "./runs";

const KEY = "retrainTriggers";
const AUTO_LAUNCH_COOLDOWN_HOURS = 24;

export async function getTriggers(db: Db): Promise<RetrainTriggers> {
  const [row] = await rows<{ value: unknown }>(db, sql`SELECT value FROM app_settings WHERE key = ${KEY}`);
  const parsed = retrainTriggersSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_TRIGGERS;
}

export async function setTriggers(db: Db, actor: SessionUser, triggers: RetrainTriggers): Promise<RetrainTriggers> {
  requireRole(actor, ["admin"]);
  await db.execute(sql`INSERT INTO app_settings (key, value, updated_by, updated_at) VALUES (${KEY}, ${JSON.stringify(triggers)}::jsonb, ${actor.id}, now())
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`);
  await recordAdminAction(db, actor, "triggers.update", KEY, triggers);
  return triggers;
}

export type TriggerResult = { trigger: "corrections" | "schedule" | "drift" | "freshF1"; enabled: boolean; fired: boolean; detail: string };

const key = (s: EntitySpan) => `${s.label}:${s.start}:${s.end}`;

/** Span F1 of what the model predicted against what users corrected it to. */
export function spanF1(pairs: ReadonlyArray<{ predicted: EntitySpan[]; corrected: EntitySpan[] }>): number {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const p of pairs) {
    const truth = new Set(p.corrected.map(key));
    tp += p.predicted.filter((s) => truth.has(key(s))).length;
    predicted += p.predicted.length;
    gold += p.corrected.length;
  }
  if (!tp) return 0;
  const precision = tp / predicted;
  const recall = tp / gold;
  return (2 * precision * recall) / (precision + recall);
}

export async function evaluateTriggers(db: Db, triggers: RetrainTriggers, now = new Date()): Promise<TriggerResult[]> {
  const [stable] = await rows<{ at: string | null }>(db, sql`SELECT max(at)::text AS at FROM model_releases WHERE channel = 'stable' AND action = 'publish'`);
  const since = stable?.at ?? "1970-01-01";
  const [fresh] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM corrections WHERE status = 'accepted' AND created_at > ${since}::timestamptz`);
  const [lastRun] = await rows<{ at: string | null }>(db, sql`SELECT max(created_at)::text AS at FROM training_runs`);
  const window = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const [confidence] = await rows<{ mean: number | null; n: number }>(db, sql`SELECT avg(mean_confidence)::float8 AS mean, count(mean_confidence)::int AS n FROM corrections WHERE created_at > ${window(triggers.drift.windowDays)}::timestamptz`);
  const recent = await rows<{ predicted: EntitySpan[]; corrected: EntitySpan[] }>(db, sql`SELECT predicted, corrected FROM corrections WHERE created_at > ${window(triggers.freshF1.windowDays)}::timestamptz ORDER BY created_at DESC LIMIT 5000`);
  const hoursSinceRun = lastRun?.at ? (now.getTime() - new Date(lastRun.at).getTime()) / 3_600_000 : Infinity;
  const f1 = spanF1(recent);
  const meanConfidence = confidence?.mean ?? null;
  return [
    { trigger: "corrections", enabled: triggers.corrections.enabled, fired: triggers.corrections.enabled && (fresh?.n ?? 0) >= triggers.corrections.threshold, detail: `${fresh?.n ?? 0} accepted corrections since the last stable model (threshold ${triggers.corrections.threshold})` },
    { trigger: "schedule", enabled: triggers.schedule.enabled, fired: triggers.schedule.enabled && hoursSinceRun >= triggers.schedule.everyHours, detail: Number.isFinite(hoursSinceRun) ? `last run ${Math.round(hoursSinceRun)} h ago (every ${triggers.schedule.everyHours} h)` : `no run yet (every ${triggers.schedule.everyHours} h)` },
    {
      trigger: "drift", enabled: triggers.drift.enabled,
      fired: triggers.drift.enabled && (confidence?.n ?? 0) >= triggers.drift.minSamples && meanConfidence !== null && meanConfidence < triggers.drift.minMeanConfidence,
      detail: meanConfidence === null ? "no field readings with confidence yet" : `mean field confidence ${meanConfidence.toFixed(3)} over ${confidence!.n} forms in ${triggers.drift.windowDays} days (floor ${triggers.drift.minMeanConfidence}, needs ${triggers.drift.minSamples} forms)`,
    },
    {
      trigger: "freshF1", enabled: triggers.freshF1.enabled,
      fired: triggers.freshF1.enabled && recent.length >= triggers.freshF1.minSamples && f1 < triggers.freshF1.minF1,
      detail: recent.length ? `F1 ${f1.toFixed(3)} of the model's fields against users' corrections on ${recent.length} forms in ${triggers.freshF1.windowDays} days (floor ${triggers.freshF1.minF1}, needs ${triggers.freshF1.minSamples})` : "no corrected forms yet",
    },
  ];
}

/** With auto-launch on, queues one retraining run when a trigger fires (not beside another run, at most once a cooldown). */
export async function autoLaunch(db: Db, launchers: Launchers, now = new Date()): Promise<string | null> {
  const triggers = await getTriggers(db);
  if (!triggers.autoLaunch) return null;
  const fired = (await evaluateTriggers(db, triggers, now)).filter((t) => t.fired);
  if (!fired.length) return null;
  const [busy] = await rows<{ n: number; last: string | null }>(db, sql`SELECT count(*) FILTER (WHERE state IN ('queued', 'running'))::int AS n, max(created_at) FILTER (WHERE trigger IS NOT NULL)::text AS last FROM training_runs`);
  if ((busy?.n ?? 0) > 0) return null;
  if (busy?.last && now.getTime() - new Date(busy.last).getTime() < AUTO_LAUNCH_COOLDOWN_HOURS * 3_600_000) return null;
  const run = await launchRun(db, null, { kind: "train", preset: triggers.preset, launcher: triggers.launcher, publishTo: null }, launchers, fired.map((t) => t.trigger).join(","));
  return run.id;
}
