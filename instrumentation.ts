// Next.js runs this once when the server starts: the training queue starts working with it, so runs
// that were running before a restart are picked up again at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.FRA_SCHEDULER === "off") return;
  const { getDatabase } = await import("@/server/db");
  const { startTrainingScheduler } = await import("@/server/services/training");
  const { db } = await getDatabase();
  startTrainingScheduler(db);
}
