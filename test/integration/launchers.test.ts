// The remote launchers. SSH: end to end against a real OpenSSH server (Debian's sshd) that this test
// starts on 127.0.0.1 with its own host key and a key for the launcher; the trainer runs "remotely" in
// another folder of this machine. Ray: a contract test against a Ray Jobs API stand-in (test double,
// no Ray cluster can run here) that checks each call the launcher makes against the API's shape and
// runs the submitted entrypoint with bash, as Ray's job runner would.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { modelRegistry } from "@/server/services/models";
import { launchersFrom } from "@/server/services/training/launchers";
import { launchRun } from "@/server/services/training/runs";
import type { SchedulerDeps } from "@/server/services/training/scheduler";
import { openTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/free-port";
import { PYTHON } from "../helpers/trainer";
import { reached, settled, tickUntil } from "../helpers/training";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let tmp: string;
const SMALL = { teacher: { hidden: 32, layers: 1, heads: 2, ffn: 64 }, student: { hidden: 16, layers: 1, heads: 2, ffn: 32 }, teacherEpochs: 1, studentEpochs: 1 };

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "fra-launchers-"));
  process.env.FRA_TRAINING_DIR = path.join(tmp, "training");
  process.env.FRA_MODEL_STORE = path.join(tmp, "store");
  process.env.FRA_SIGNING_KEY = path.join(tmp, "keys", "signing.pem");
  env = await openTestDatabase();
  await modelRegistry(env.db);
}, 300_000);
afterAll(async () => {
  await env?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});


describe("ssh launcher against a local OpenSSH server", () => {
  let sshd: ChildProcess;
  let deps: SchedulerDeps;
  let remoteDir: string;

  beforeAll(async () => {
    const dir = path.join(tmp, "ssh");
    mkdirSync(dir, { recursive: true });
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, "host_key")]);
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, "client_key")]);
    writeFileSync(path.join(dir, "authorized_keys"), execFileSync("cat", [path.join(dir, "client_key.pub")]));
    const port = await freePort();
    writeFileSync(path.join(dir, "sshd_config"), [
      `Port ${port}`, "ListenAddress 127.0.0.1", `HostKey ${path.join(dir, "host_key")}`, `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
      "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "PermitRootLogin prohibit-password", "StrictModes no",
      "UsePAM no", "Subsystem sftp internal-sftp", `PidFile ${path.join(dir, "sshd.pid")}`, "LogLevel ERROR",
    ].join("\n") + "\n");
    writeFileSync(path.join(dir, "known_hosts"), `[127.0.0.1]:${port} ${execFileSync("cat", [path.join(dir, "host_key.pub")]).toString().trim()}\n`);
    mkdirSync("/run/sshd", { recursive: true }); // sshd's privilege-separation folder
    sshd = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", path.join(dir, "sshd_config")], { stdio: ["ignore", "ignore", "pipe"] });
    for (let i = 0; i < 50 && spawnSync("ssh", ["-o", "BatchMode=yes", "-i", path.join(dir, "client_key"), "-o", `UserKnownHostsFile=${path.join(dir, "known_hosts")}`, "-p", String(port), `${os.userInfo().username}@127.0.0.1`, "true"]).status !== 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
    remoteDir = path.join(tmp, "gpu-host");
    const launchers = launchersFrom({
      local: { slots: 1, python: PYTHON },
      ssh: { slots: 1, host: "127.0.0.1", port, user: os.userInfo().username, identityFile: path.join(dir, "client_key"), knownHostsFile: path.join(dir, "known_hosts"), remoteDir, python: PYTHON },
    });
    deps = { db: env.db, launchers, registry: () => modelRegistry(env.db) };
  }, 60_000);
  afterAll(() => {
    sshd?.kill();
  });

  it("copies the trainer and the dataset over, runs it remotely, streams its progress back, fetches the package and registers it", async () => {
    const run = await launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "ssh", ...SMALL, publishTo: null }, deps.launchers);
    let remoteProgress = 0;
    const done = await tickUntil(env.db, deps, run.id, (r) => {
      if (r.state === "running") remoteProgress = Math.max(remoteProgress, r.progress);
      return settled(r);
    });
    expect(done).toMatchObject({ state: "succeeded", modelVersion: 2, launcher: "ssh" });
    expect(remoteProgress).toBeGreaterThan(0);
    // It ran in the remote folder, with the trainer code copied there, and came home whole.
    expect(spawnSync("test", ["-f", path.join(remoteDir, "runs", run.id, "run.json")]).status).toBe(0);
    expect(spawnSync("test", ["-f", path.join(remoteDir, "trainer", "fra_trainer", "pipeline.py")]).status).toBe(0);
    expect(spawnSync("test", ["-f", path.join(done.runDir, "package", "student", "onnx", "model_quantized.onnx")]).status).toBe(0);
  }, 400_000);

  it("cancels a remote run", async () => {
    const run = await launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "ssh", ...SMALL, teacherEpochs: 60, publishTo: null }, deps.launchers);
    const started = await tickUntil(env.db, deps, run.id, reached("teacher", 0.06));
    expect([started.state, started.error]).toEqual(["running", null]);
    await callerCancel(run.id);
    const done = await tickUntil(env.db, deps, run.id, settled, 120_000);
    expect(done.state).toBe("cancelled");
  }, 400_000);
});

/** Ends a detached process's whole group: SIGTERM, then SIGKILL after Ray's default 3 s grace. */
async function stopGroup(child: ChildProcess | null): Promise<void> {
  const group = child?.pid;
  if (!group) return;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-group, signal);
      return true;
    } catch {
      return false; // ESRCH: no process of the group is left
    }
  };
  signalGroup("SIGTERM");
  for (let waited = 0; signalGroup(0); waited += 100) {
    if (waited === 3000) signalGroup("SIGKILL");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function callerCancel(id: string) {
  const { cancelRun } = await import("@/server/services/training/runs");
  await cancelRun(env.db, env.users.admin, id, "cancelled from the test");
}

describe("ray launcher (contract test against a Ray Jobs API stand-in)", () => {
  // The request bodies Ray's Jobs API accepts (ray.dashboard.modules.job.pydantic_models).
  const submitBody = z.object({
    entrypoint: z.string().min(1),
    submission_id: z.string().min(1),
    entrypoint_num_gpus: z.number().min(0),
    metadata: z.record(z.string(), z.string()),
    runtime_env: z.record(z.string(), z.unknown()).optional(),
  }).strict();
  type Job = { status: "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "STOPPED"; process: ChildProcess | null; message: string; stopping: boolean };
  const jobs = new Map<string, Job>();
  const calls: string[] = [];
  let server: Server;
  let deps: SchedulerDeps;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += chunk;
      calls.push(`${req.method} ${req.url}`);
      const reply = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      if (req.method === "POST" && req.url === "/api/jobs/") {
        const parsed = submitBody.safeParse(JSON.parse(body));
        if (!parsed.success) return reply(400, { detail: parsed.error.issues[0]?.message });
        if (jobs.has(parsed.data.submission_id)) return reply(400, { detail: "submission_id already exists" });
        const job: Job = { status: "RUNNING", process: null, message: "", stopping: false };
        // Its own process group, as Ray's job supervisor gives the entrypoint, so a stop reaches the trainer too.
        job.process = spawn("bash", ["-c", parsed.data.entrypoint], { stdio: "ignore", detached: true });
        job.process.on("exit", (code, signal) => {
          if (!job.stopping) job.status = code === 0 ? "SUCCEEDED" : "FAILED";
          job.message = `exit ${code ?? signal}`;
        });
        jobs.set(parsed.data.submission_id, job);
        return reply(200, { submission_id: parsed.data.submission_id });
      }
      const status = /^\/api\/jobs\/([^/]+)$/.exec(req.url ?? "");
      if (req.method === "GET" && status) {
        const job = jobs.get(decodeURIComponent(status[1]!));
        return job ? reply(200, { status: job.status, message: job.message, submission_id: status[1], job_id: null, entrypoint: "…" }) : reply(404, { detail: "no such job" });
      }
      const stop = /^\/api\/jobs\/([^/]+)\/stop$/.exec(req.url ?? "");
      if (req.method === "POST" && stop) {
        const job = jobs.get(decodeURIComponent(stop[1]!));
        if (!job) return reply(404, { detail: "no such job" });
        // Like Ray: SIGTERM to the job's process group, SIGKILL after a grace period, and STOPPED only once
        // the whole group is gone (the trainer writes its checkpoint in between).
        job.stopping = true;
        void stopGroup(job.process).then(() => { job.status = "STOPPED"; });
        return reply(200, { stopped: true });
      }
      reply(404, { detail: `not a Ray Jobs route: ${req.method} ${req.url}` });
    });
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
    const launchers = launchersFrom({
      local: { slots: 1, python: PYTHON },
      ray: { slots: 2, address: `http://127.0.0.1:${port}`, sharedDir: path.join(tmp, "shared"), python: PYTHON, trainerDir: path.resolve("trainer"), gpus: 1 },
    });
    deps = { db: env.db, launchers, registry: () => modelRegistry(env.db) };
  });
  afterAll(async () => {
    await Promise.all([...jobs.values()].map((job) => stopGroup(job.process)));
    server?.close();
  });

  it("submits, follows and collects a job through the Jobs API, and stops one", async () => {
    const run = await launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "ray", ...SMALL, publishTo: null }, deps.launchers);
    const done = await tickUntil(env.db, deps, run.id, settled);
    expect(done).toMatchObject({ state: "succeeded", launcher: "ray", externalId: `fra-${run.id}` });
    expect(calls[0]).toBe("POST /api/jobs/");
    expect(calls).toContain(`GET /api/jobs/fra-${run.id}`);
    const second = await launchRun(env.db, env.users.admin, { kind: "train", preset: "tiny", launcher: "ray", ...SMALL, teacherEpochs: 60, publishTo: null }, deps.launchers);
    expect((await tickUntil(env.db, deps, second.id, reached("teacher"))).state).toBe("running");
    await callerCancel(second.id);
    const stopped = await tickUntil(env.db, deps, second.id, settled, 120_000);
    expect(stopped.state).toBe("cancelled");
    expect(calls).toContain(`POST /api/jobs/fra-${second.id}/stop`);
  }, 400_000);
});
