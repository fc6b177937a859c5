// Produces the model the app ships with: trains the `default` preset (or --preset), measures the
// student package with onnxruntime-node exactly as the registry will, and copies it to models/fra-ner.
//   npm run model:ship                      # CPU, about half an hour on 2 cores
//   npm run model:ship -- --preset full     # a CUDA machine
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readServerEnv } from "@/configs/server";
import { checkOnnxPackage } from "@/server/services/models/onnx-check";

const { values } = parseArgs({ options: { preset: { type: "string", default: "default" }, "run-dir": { type: "string" } } });
const runDir = values["run-dir"] ?? path.join("data", "runs", values.preset!);
if (!existsSync(path.join(runDir, "run.json"))) {
  execFileSync("/usr/bin/python3", ["-m", "fra_trainer", "run", "--preset", values.preset!, "--run-dir", runDir], {
    stdio: "inherit",
    env: { ...process.env, PYTHONPATH: path.resolve("trainer") },
  });
}
const packageDir = path.join(runDir, "package", "student");
const report = await checkOnnxPackage(packageDir, path.join(packageDir, "test.jsonl"));
console.log(JSON.stringify({ parity: report.parity, f1: report.test.overall, latencyMsPerSentence: report.latencyMsPerSentence, quantizedBytes: report.quantizedBytes }));
const target = readServerEnv().FRA_SHIPPED_MODEL;
rmSync(target, { recursive: true, force: true });
cpSync(packageDir, target, { recursive: true });
console.log(`shipped ${packageDir} -> ${target}`);
