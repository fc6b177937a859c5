// Latency figures as every benchmark prints them: the nearest-rank percentile and p50/p95 in milliseconds.
import { timedSamples } from "@/configs/timed-samples";

export const percentile = (xs: readonly number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export const latencyStats = (xs: readonly number[], decimals = 1) => ({
  p50_ms: +percentile(xs, 50).toFixed(decimals), p95_ms: +percentile(xs, 95).toFixed(decimals), n: xs.length,
});

/** p50/p95 of `reps` calls of `call`, after 3 unmeasured ones: the first calls of a process plan and page in
 *  what later ones reuse. */
export async function timedCalls(call: () => Promise<unknown>, reps: number) {
  return latencyStats(await timedSamples(call, 3, reps));
}
