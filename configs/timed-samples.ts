// How long a call takes, as the benchmarks and the model gate's latency check time it: unmeasured calls
// first (a process's first calls plan and page in what later ones reuse), then each measured call's ms.

export async function timedSamples(call: () => Promise<unknown>, warmups: number, reps: number): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  return samples;
}
