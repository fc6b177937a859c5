import { startApp } from "@/test/helpers/app-server";

/** The built app on a free port, serving a benchmark dataset in place (the folder is not copied). */
export function startBenchApp(dataDir: string) {
  return startApp(dataDir, { copy: false });
}
