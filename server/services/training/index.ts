// The training side of the server, once per process: the launchers from the configuration and the
// scheduler that works the queue (started with the server, see instrumentation.ts).
import { readServerEnv } from "@/configs/server";
import type { Db } from "@/server/db/client";
import { modelRegistry } from "../models";
import { configuredLaunchers, type Launchers } from "./launchers";
import { runScheduler, tick } from "./scheduler";
import { autoLaunch } from "./triggers";

const KEY = Symbol.for("fra-atlas.training");
type Holder = { [KEY]?: { launchers: Launchers; stop: (() => void) | null } };

export function serverLaunchers(): Launchers {
  const holder = globalThis as Holder;
  holder[KEY] ??= { launchers: configuredLaunchers(), stop: null };
  return holder[KEY].launchers;
}

/** Starts the scheduler for this process (idempotent): the queue, then the retrain triggers once a minute. */
export function startTrainingScheduler(db: Db): void {
  const holder = globalThis as Holder;
  const launchers = serverLaunchers();
  if (holder[KEY]!.stop) return;
  const log = (m: string) => console.log(`[fra-atlas] training: ${m}`);
  const deps = { db, launchers, registry: () => modelRegistry(db), log };
  let lastTriggerCheck = 0;
  const stopQueue = runScheduler({ ...deps, log }, readServerEnv().FRA_SCHEDULER_MS);
  const triggers = setInterval(() => {
    if (Date.now() - lastTriggerCheck < 60_000) return;
    lastTriggerCheck = Date.now();
    void autoLaunch(db, launchers).then((id) => id && log(`a retrain trigger fired: run ${id} queued`)).catch((e: unknown) => log(`triggers: ${String(e)}`));
  }, 10_000);
  holder[KEY]!.stop = () => {
    stopQueue();
    clearInterval(triggers);
  };
}

export { tick };
