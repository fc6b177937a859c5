// How alike two written names are, for telling a misread name from another one.

/** Levenshtein similarity 0..1 of two names after case and punctuation are set aside. */
export function nameSimilarity(a: string, b: string): number {
  const norm = (s: string) => s.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{M}\p{N}]/gu, "");
  const x = [...norm(a)];
  const y = [...norm(b)];
  if (!x.length || !y.length) return 0;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return 1 - previous[y.length]! / Math.max(x.length, y.length);
}
