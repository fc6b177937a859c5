// What a field worker gets from a photographed Form B (a community rights claim) before correcting
// anything: demo CR claims drawn as the seed draws their Form B, photographed, kept and read as the app
// does, then each model package given runs the app's extraction, with its second look where the first
// reading missed an item Form B asks, and the Gram Sabha claimant the app fills from the village on
// record. Prints, per package, the share of forms on which each field comes out exactly right, the village
// on record, the claimant community, and the rights claimed: the whole set exactly, right by right (recall
// and precision), and how many rights were left unread for the worker to decide. Prints one JSON object.
//   npm run bench:forms-b [-- --forms 24 --model models/fra-ner --model OTHER_PACKAGE_DIR]   (BENCH_MISSES=1 lists each miss; BENCH_TEXT=6,13 prints those forms' OCR text)
import { COMMUNITY_RIGHTS } from "@/configs/community-rights";
import { gramSabhaClaimant } from "@/configs/gram-sabha";
import { renderCrFormPageSvg } from "@/server/db/seed/form-image";
import { loadPackageModel } from "@/server/services/models/onnx-check";
import { formFromEntities, villageOnRecord, type FormFields } from "@/workers/field/form-from-entities";
import { withGramSabhaClaimant } from "@/workers/field/gram-sabha-claimant";
import { secondLookWanted, withSecondLook } from "@/workers/field/second-look";
import { withPlaceSpellingsOnRecord } from "@/workers/field/village-record";
import { extractEntities } from "@/workers/ner/extract";
import { AREA_AND_DATE, communityFormBench, communityFormExpected, communityFormPlace, exactFields, meanSeconds, photographedPages, shareOf, type CommunityClaimRow } from "./form-pages";

const { models: modelDirs, villages, claims, villageOf } = await communityFormBench("CR");

const FIELDS = ["claimant", "claimantLocal", "village", "gramPanchayat", "tehsil", "district", "category", "tribe", "type", "area", "filedOn"] as const;
function expected(c: CommunityClaimRow): Record<(typeof FIELDS)[number], string> {
  const [claimant, claimantLocal] = gramSabhaClaimant(villageOf(c));
  return { ...communityFormExpected(c, villageOf(c)), claimant, claimantLocal, type: "CR" };
}

// Photograph and OCR every form once; each package then reads the same text.
const { pages, sparseText, close } = await photographedPages(claims.map((c, i) =>
  renderCrFormPageSvg({ ...communityFormPlace(c, villageOf(c), i), community: c.community, rightsClaimed: c.rights_claimed })));

const share = (n: number) => shareOf(n, pages.length);
const models: Record<string, unknown> = {};
for (const dir of modelDirs) {
  const model = await loadPackageModel(dir, "model_quantized.onnx");
  const exact = exactFields(FIELDS, AREA_AND_DATE);
  let villagesOnRecord = 0;
  let secondLooks = 0;
  let communities = 0;
  let rightsExact = 0;
  let rightsStated = 0;
  let rightsRead = 0;
  let rightsRight = 0;
  let rightsUnread = 0;
  for (const [index, { text }] of pages.entries()) {
    const claim = claims[index]!;
    const read = formFromEntities(text, await extractEntities(text, model), villages);
    if (process.env.BENCH_TEXT?.split(",").includes(String(index))) console.error(`form ${index}\n${JSON.stringify(text)}`);
    let fields: FormFields = read.fields;
    // As the app looks again (components/field/capture.ts), for a field Form B asks.
    const wanted = secondLookWanted(fields);
    if (wanted.length) {
      secondLooks++;
      const again = await sparseText(index);
      fields = withSecondLook(fields, formFromEntities(again, await extractEntities(again, model), villages).fields, villages, wanted)?.fields ?? fields;
    }
    fields = withPlaceSpellingsOnRecord(fields, villages);
    const villageId = villageOnRecord(fields, villages);
    fields = withGramSabhaClaimant(fields, "CR", villages.find((v) => v.id === villageId));
    exact.count(index, fields, expected(claim));
    if (villageId === claim.village_id) villagesOnRecord++;
    if (read.community === claim.community) communities++;
    else if (process.env.BENCH_MISSES) console.error(`form ${index}`, "community", JSON.stringify(read.community), "want", JSON.stringify(claim.community));
    const claimed = read.rights?.claimed ?? [];
    const stated = [...claim.rights_claimed].sort();
    if (JSON.stringify([...claimed].sort()) === JSON.stringify(stated) && !read.rights?.unread.length) rightsExact++;
    else if (process.env.BENCH_MISSES) console.error(`form ${index}`, "rights", JSON.stringify(read.rights), "want", JSON.stringify(stated));
    rightsStated += stated.length;
    rightsRead += claimed.length;
    rightsRight += claimed.filter((r) => stated.includes(r)).length;
    rightsUnread += read.rights?.unread.length ?? COMMUNITY_RIGHTS.length;
  }
  await model.session.release();
  models[dir] = {
    fieldsExact: exact.shares(),
    villageOnRecord: share(villagesOnRecord),
    community: share(communities),
    rightsClaimed: { setExact: share(rightsExact), recall: shareOf(rightsRight, rightsStated), precision: shareOf(rightsRight, rightsRead), unreadPerForm: Math.round((rightsUnread / Math.max(1, pages.length)) * 100) / 100 },
    secondLooks,
  };
}
await close();
console.log(JSON.stringify({ forms: pages.length, ocrSecondsPerPage: meanSeconds(pages.map((p) => p.ocrSeconds)), models }, null, 1));
