import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const folder = path.join(process.cwd(), "server/db/migrations");
const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: Array<{ idx: number; tag: string; when: number }> };

describe("the migrations' journal", () => {
  // Drizzle's migrator runs only the migrations dated after the newest one a database has applied: one
  // dated earlier than its predecessor is skipped on every database that already exists (0012 and 0013
  // were, until their dates were mended; the machine clocks that date them are not to be trusted).
  it("dates each migration after the one before it", () => {
    const out = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1]!.when).map((e) => e.tag);
    expect(out).toEqual([]);
  });

  it("lists every SQL file of the folder, in order", () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".sql")).sort();
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
    expect(journal.entries.map((e) => e.idx)).toEqual(files.map((_, i) => i));
  });
});
