// The registry handle for a database: store folder and signing key from the configuration. On first use
// it registers and publishes the model the app ships with, so a fresh machine serves a verified model
// with no training step.
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { FIELD_MODEL_NAME } from "@/configs/models";
import { readServerEnv } from "@/configs/server";
import { rows, type Db } from "@/server/db/client";
import { publishModel, registerModel, type RegistryContext } from "./registry";
import { loadSigningKey } from "./signing";

const opened = new WeakMap<Db, Promise<RegistryContext>>();

export function modelRegistry(db: Db): Promise<RegistryContext> {
  let ctx = opened.get(db);
  if (!ctx) {
    ctx = openRegistry(db);
    ctx.catch(() => opened.delete(db));
    opened.set(db, ctx);
  }
  return ctx;
}

async function openRegistry(db: Db): Promise<RegistryContext> {
  const env = readServerEnv();
  const ctx: RegistryContext = { db, storeDir: env.FRA_MODEL_STORE, key: loadSigningKey(env.FRA_SIGNING_KEY) };
  await installShippedModel(ctx, env.FRA_SHIPPED_MODEL);
  return ctx;
}

/** Registers the shipped package and puts it on both channels, once, when the registry is empty. */
export async function installShippedModel(ctx: RegistryContext, packageDir: string): Promise<void> {
  const [{ n } = { n: 0 }] = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM model_versions WHERE name = ${FIELD_MODEL_NAME}`);
  if (n > 0 || !existsSync(packageDir)) return;
  const row = await registerModel(ctx, null, { runDir: packageDir, name: FIELD_MODEL_NAME });
  for (const channel of ["stable", "beta"] as const) {
    await publishModel(ctx, null, { name: FIELD_MODEL_NAME, version: row.version, channel, reason: "model shipped with the app" });
  }
  console.log(`[fra-atlas] installed the shipped model ${FIELD_MODEL_NAME} v${row.version} (F1 ${row.metrics.onnx.test.overall.f1})`);
}
