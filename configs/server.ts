// Server configuration from the environment, validated once: a bad value stops start-up with a clear message.
import { z } from "zod";
import { basemapUrlSchema } from "./basemap";
import { describeIssues } from "./zod-issues";

const serverEnvSchema = z.object({
  // Unset: the embedded PGlite + PostGIS database in FRA_DATA_DIR. Set: a real PostgreSQL + PostGIS.
  DATABASE_URL: z.string().url().optional(),
  FRA_DATA_DIR: z.string().min(1).default("data/pglite"),
  // How many demo claims the first start seeds into an empty database (0: none).
  FRA_SEED_CLAIMS: z.coerce.number().int().min(0).max(5_000_000).default(20_000),
  FRA_SEED_RANDOM: z.coerce.number().int().default(2006),
  // A real state's village boundaries (DataMeet's indian_village_boundaries layout; the parts of a split
  // state joined by ":", as in PATH) and its Census code table, seeded in place of the generated
  // Maharashtra (README "Demo data").
  FRA_SEED_BOUNDARIES: z.string().min(1).transform((s) => s.split(":").filter(Boolean)).optional(),
  FRA_SEED_CENSUS_CODES: z.string().min(1).optional(),
  FRA_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  // Memory for rendered vector tiles, in MiB. 0 keeps none: every tile request renders (what the tile
  // benchmark uses to time renders over HTTP on a warm database).
  FRA_TILE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(96),
  // Drawn under the claims when it loads: an XYZ raster template or a MapLibre style URL (configs/basemap.ts).
  FRA_BASEMAP_URL: basemapUrlSchema.optional(),
  // Published model files live here, one folder per name/version.
  FRA_MODEL_STORE: z.string().min(1).default("data/models"),
  // Ed25519 private key (PKCS#8 PEM) that signs the model manifest; generated here on first start if absent.
  FRA_SIGNING_KEY: z.string().min(1).default("data/keys/model-signing.pem"),
  // The model the app ships with, registered and published to stable on first start.
  FRA_SHIPPED_MODEL: z.string().min(1).default("models/fra-ner"),
  // Training runs, dataset versions, imported datasets and downloaded base models live here.
  FRA_TRAINING_DIR: z.string().min(1).default("data/training"),
  // An HF-compatible model-hub mirror that base teachers are downloaded from (none by default).
  FRA_MODEL_MIRROR: z.string().url().optional(),
  // How often the training scheduler looks at the queue, in milliseconds.
  FRA_SCHEDULER_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new Error(`FRA Atlas configuration is invalid: ${issues}`);
  }
  return parsed.data;
}
