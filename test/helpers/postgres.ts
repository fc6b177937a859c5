// A throwaway PostgreSQL + PostGIS server from Debian's packages (postgresql, postgresql-15-postgis-3),
// started on a free loopback port in a temporary folder. Absent packages: `available` is false.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

const BIN = "/usr/lib/postgresql/15/bin";
export const postgresAvailable = existsSync(path.join(BIN, "initdb")) && existsSync("/usr/share/postgresql/15/extension/postgis.control");


// PostgreSQL refuses to run as root; CI runs as root, so the server runs as the postgres user.
function asPostgres(cmd: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  execFileSync(file, argv, { stdio: "pipe" });
}

export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fra-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  asPostgres(path.join(BIN, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  asPostgres(path.join(BIN, "pg_ctl"), ["-D", dir, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPostgres(path.join(BIN, "pg_ctl"), ["-D", dir, "-w", "-m", "fast", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
