// Outbox sync benchmark: 1,000 field records (claims and corrections) pushed through the tRPC route of
// `next start` in batches of 50, as a tablet's outbox sends them, then the same 1,000 again (all
// duplicates: what a tablet that lost the answers would resend). Prints one JSON object.
//   npm run build && npm run bench:sync [-- --records 1000 --batch 50]
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createTRPCClient, httpLink } from "@trpc/client";
import { sql } from "drizzle-orm";
import type { SyncRecord } from "@/configs/contracts/sync";
import { rows } from "@/server/db/client";
import { openDatabase } from "@/server/db/open";
import { DEMO_PASSWORD, seedDemo } from "@/server/db/seed/generate";
import type { AppRouter } from "@/server/routers";
import { startApp } from "@/test/helpers/app-server";
import { MemoryOutbox } from "@/test/helpers/memory-outbox";
import { flushOutbox } from "@/workers/sync/outbox";

const { values } = parseArgs({ options: { records: { type: "string", default: "1000" }, batch: { type: "string", default: "50" }, "data-dir": { type: "string", default: "data/bench-sync" } } });
const total = Number(values.records);
const batchSize = Number(values.batch);
const dataDir = values["data-dir"]!;

if (!existsSync(dataDir)) {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await seedDemo(database.db, { claims: 2000, seed: 2006, documents: 0, log: () => {} });
  await database.close();
}
const database = await openDatabase({ dataDir });
const [village] = await rows<{ id: number }>(database.db, sql`
  SELECT v.id FROM villages v JOIN user_tehsils ut ON ut.tehsil_id = v.tehsil_id JOIN users u ON u.id = ut.user_id
  WHERE u.username = 'field.etapalli' ORDER BY v.id LIMIT 1`);
await database.close();

const app = await startApp(dataDir, { copy: true });
let cookie = "";
const client = createTRPCClient<AppRouter>({
  links: [httpLink({
    url: `${app.url}/api/trpc`,
    headers: () => ({ origin: app.url, cookie }),
    fetch: async (url, init) => {
      const response = await fetch(url, init as RequestInit);
      const set = response.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0]!;
      return response;
    },
  })],
});
await client.auth.login.mutate({ username: "field.etapalli", password: DEMO_PASSWORD });

const records: SyncRecord[] = [];
const claimIds: string[] = [];
for (let n = 0; n < total; n++) {
  if (n % 3 === 2) {
    records.push({ kind: "correction", id: crypto.randomUUID(), payload: { claimId: claimIds[n % claimIds.length]!, text: "Village: Pipgaon", predicted: [], corrected: [{ start: 9, end: 16, label: "VILLAGE" }], modelVersion: 1 } });
  } else {
    const id = crypto.randomUUID();
    claimIds.push(id);
    records.push({ kind: "claim", id, payload: { type: "IFR", claimantName: `Bench Claimant ${n}`, claimantNameLocal: "", category: "ST", villageId: village!.id, areaClaimedHa: 1.2, filedOn: "2025-06-01", surveyNumbers: [], evidence: [] } });
  }
}

const push = (batch: SyncRecord[]) => client.sync.push.mutate({ deviceId: "0b6c8a8e-6d0e-4a43-8f5b-1f8f3d7e2c10", records: batch });
const timed = async () => {
  const t0 = performance.now();
  const report = await flushOutbox(new MemoryOutbox(records), push, { batchSize });
  return { seconds: Math.round(performance.now() - t0) / 1000, report };
};
const first = await timed();
const resend = await timed();
await app.stop();
console.log(JSON.stringify({
  bench: "sync",
  records: total,
  batch: batchSize,
  first_push_s: first.seconds,
  first_push_records_per_s: Math.round(total / first.seconds),
  resend_all_duplicates_s: resend.seconds,
  first_report: first.report,
  target_s: 10,
}));
