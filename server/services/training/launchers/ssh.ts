// Runs the trainer on a remote GPU host over SSH (OpenSSH's ssh and scp, key authentication, the host
// key checked): copies the trainer and the run's inputs, starts it detached with nohup, reads its
// run.json and metrics back on every poll, stops it with the trainer's own cancel, and copies the
// finished run home.
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { SshLauncherConfig } from "@/configs/training";
import { parseMetrics, parseRunState, stateFrom } from "./run-files";
import { RUN_OUTPUT_PARTS, shellQuote, shellWords, TEACHER_RUN_PARTS, trainerArgs } from "./trainer-args";
import type { JobSpec, JobStatus, Launcher } from "./types";

const exec = promisify(execFile);
const TRAINER_DIR = path.resolve("trainer");
const SEPARATOR = "\n--fra-atlas-part--\n";

export function sshLauncher(config: SshLauncherConfig): Launcher {
  const common = ["-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-i", config.identityFile,
    ...(config.knownHostsFile ? ["-o", `UserKnownHostsFile=${config.knownHostsFile}`, "-o", "StrictHostKeyChecking=yes"] : ["-o", "StrictHostKeyChecking=accept-new"])];
  const target = `${config.user}@${config.host}`;
  const remote = {
    trainer: path.posix.join(config.remoteDir, "trainer"),
    runDir: (job: JobSpec) => path.posix.join(config.remoteDir, "runs", job.runId),
    inputs: (job: JobSpec) => path.posix.join(config.remoteDir, "inputs", job.runId),
  };
  const ssh = async (command: string) => (await exec("ssh", [...common, "-p", String(config.port), target, command], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 })).stdout;
  const scp = (args: string[]) => exec("scp", [...common, "-P", String(config.port), "-r", "-q", ...args], { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
  const upload = (local: string[], remoteDir: string) => scp([...local, `${target}:${remoteDir}/`]);

  return {
    kind: "ssh",
    slots: config.slots,
    async start(job, resume) {
      const runDir = remote.runDir(job);
      const inputs = remote.inputs(job);
      await ssh(`mkdir -p ${shellQuote(remote.trainer)} ${shellQuote(inputs)} ${shellQuote(path.posix.dirname(runDir))}`);
      // The trainer's code goes with every start, so the host runs exactly the server's version.
      await upload(["fra_trainer", "presets", "schema", "data"].map((d) => path.join(TRAINER_DIR, d)), remote.trainer);
      const args = await trainerArgs(job, resume, runDir, {
        config: async (file) => (await upload([file], inputs), `${inputs}/${path.basename(file)}`),
        teacherRun: async (dir) => {
          await ssh(`mkdir -p ${shellQuote(`${inputs}/teacher`)}`);
          await upload(TEACHER_RUN_PARTS.map((d) => path.join(dir, d)), `${inputs}/teacher`);
          return `${inputs}/teacher`;
        },
        dataset: async (dir) => (await upload([dir], inputs), `${inputs}/${path.basename(dir)}`),
      });
      // Only the trainer goes to the background (not a subshell holding ssh's output open), so ssh returns at once.
      const out = await ssh(`cd ${shellQuote(remote.trainer)} || exit 1; PYTHONPATH=${shellQuote(remote.trainer)} PYTHONUNBUFFERED=1 nohup ${config.python} -m fra_trainer ${shellWords(args)} >> ${shellQuote(`${runDir}.log`)} 2>&1 < /dev/null & echo $!`);
      const pid = out.trim().split("\n").pop()!;
      if (!/^\d+$/.test(pid)) throw new Error(`the remote host did not start the trainer: ${out.slice(0, 200)}`);
      return { externalId: pid };
    },
    async poll(job, externalId): Promise<JobStatus> {
      const runDir = remote.runDir(job);
      const q = shellQuote(runDir);
      const out = await ssh([
        `cat ${q}/run.json 2>/dev/null`, `printf '${SEPARATOR.replace(/\n/g, "\\n")}'`,
        `cat ${q}/metrics.jsonl 2>/dev/null`, `printf '${SEPARATOR.replace(/\n/g, "\\n")}'`,
        // Alive: the pid exists and is this run's trainer (not a recycled pid).
        `(kill -0 ${externalId} 2>/dev/null && tr '\\0' ' ' < /proc/${externalId}/cmdline | grep -qF -- ${q} && echo alive)`, `printf '${SEPARATOR.replace(/\n/g, "\\n")}'`,
        `tail -n 3 ${q}.log 2>/dev/null`, "true",
      ].join("; "));
      const [runText = "", metricsText = "", aliveText = "", logTail = ""] = out.split(SEPARATOR);
      const run = parseRunState(runText);
      const { state, error } = stateFrom(run, aliveText.trim() === "alive");
      return { state, run, metrics: parseMetrics(metricsText), error: error ?? (state === "lost" ? logTail.trim().replace(/\n/g, " | ") || null : null) };
    },
    async cancel(job, externalId) {
      const runDir = shellQuote(remote.runDir(job));
      await ssh(`echo 'cancel requested by an admin' > ${runDir}/CANCEL; kill -TERM ${externalId} 2>/dev/null; true`);
    },
    async collect(job) {
      mkdirSync(job.localRunDir, { recursive: true });
      const runDir = remote.runDir(job);
      await scp(RUN_OUTPUT_PARTS.map((f) => `${target}:${runDir}/${f}`).concat(job.localRunDir));
    },
  };
}
