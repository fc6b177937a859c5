// Runs the real Python trainer (Debian's python3-torch) as the app's launcher would.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export const PYTHON = process.env.FRA_PYTHON ?? "/usr/bin/python3";

export async function runTrainer(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(PYTHON, ["-m", "fra_trainer", ...args], {
    env: { ...process.env, PYTHONPATH: path.resolve("trainer") },
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}
