// Produces the model the app ships with: trains the `default` preset (or --preset), measures the
// student package with onnxruntime-node exactly as the registry will, and copies it to models/fra-ner.
//   npm run model:ship                      # CPU: hours on 2 cores (README, "Field model")
//   npm run model:ship -- --preset full     # a CUDA machine
// Run again after an interruption (a stopped machine, Ctrl-C): the run resumes from its last checkpoint.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readServerEnv } from "@/configs/server";
import { checkOnnxPackage } from "@/server/services/models/onnx-check";

const { values } = parseArgs({ options: { preset: { type: "string", default: "default" }, "run-dir": { type: "string" } } });
const runDir = values["run-dir"] ?? path.join("data", "runs", values.preset!);
const started = existsSync(path.join(runDir, "run.json"));
// `resume` returns at once for a run that already succeeded.
const trainerArgs = started ? ["resume", "--run-dir", runDir] : ["run", "--preset", values.preset!, "--run-dir", runDir];
execFileSync("/usr/bin/python3", ["-m", "fra_trainer", ...trainerArgs], {
  stdio: "inherit",
  env: { ...process.env, PYTHONPATH: path.resolve("trainer") },
});
const packageDir = path.join(runDir, "package", "student");
const report = await checkOnnxPackage(packageDir, path.join(packageDir, "test.jsonl"));
console.log(JSON.stringify({ parity: report.parity, f1: report.test.overall, latencyMsPerSentence: report.latencyMsPerSentence, quantizedBytes: report.quantizedBytes }));
const target = readServerEnv().FRA_SHIPPED_MODEL;
rmSync(target, { recursive: true, force: true });
cpSync(packageDir, target, { recursive: true });
console.log(`shipped ${packageDir} -> ${target}`);
