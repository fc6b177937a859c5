// Writes what the Python trainer shares with the app: JSON Schemas generated from the zod contracts in
// configs/ner.ts, the label list, and the name lexicon the demo data uses. Run after changing either
// (`npm run schemas`); test/unit/trainer-contract.test.ts fails when the files are stale.
import { writeFileSync } from "node:fs";
import { trainerContractFiles } from "./trainer-contract";

for (const [file, content] of Object.entries(trainerContractFiles())) {
  writeFileSync(file, content);
  console.log(`wrote ${file}`);
}
