// The Python trainer validates against JSON Schemas generated from the zod contracts; they must not drift.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { trainerContractFiles } from "@/scripts/trainer-contract";

describe("trainer contract files", () => {
  it("are up to date with configs/ner.ts and the name lists (run `npm run schemas` if not)", () => {
    for (const [file, content] of Object.entries(trainerContractFiles())) {
      expect(readFileSync(file, "utf8"), file).toBe(content);
    }
  });

  it("accept the trainer's presets", async () => {
    const { trainerConfigSchema } = await import("@/configs/ner");
    for (const preset of ["tiny", "default", "full", "study"]) {
      expect(trainerConfigSchema.safeParse(JSON.parse(readFileSync(`trainer/presets/${preset}.json`, "utf8"))).success, preset).toBe(true);
    }
  });
});
