// The field app's one answer to "can this tablet work offline now?" (components/field/offline-readiness.ts).
import { describe, expect, it } from "vitest";
import { offlineShortfalls } from "@/components/field/offline-readiness";

const READY = { serviceWorkerReady: true, modelLoaded: true, areaVillages: 120, missingLanguages: [] };

describe("offline readiness", () => {
  it("is ready only with the runtimes, the model, the area and its OCR languages all on the tablet", () => {
    expect(offlineShortfalls(READY)).toEqual([]);
    expect(offlineShortfalls({ ...READY, serviceWorkerReady: false })).toEqual(["the app and its OCR and model runtimes"]);
    expect(offlineShortfalls({ ...READY, modelLoaded: false })).toEqual(["the field model"]);
    expect(offlineShortfalls({ ...READY, areaVillages: 0 })).toEqual(["your area's villages"]);
    expect(offlineShortfalls({ ...READY, areaVillages: null })).toEqual(["your area's villages"]);
  });

  it("names the OCR languages still to fetch, and is not ready before it knows", () => {
    expect(offlineShortfalls({ ...READY, missingLanguages: ["mar", "nep"] })).toEqual(["Marathi and Nepali OCR data"]);
    expect(offlineShortfalls({ ...READY, missingLanguages: null })).toEqual(["the check of your area's OCR languages"]);
    expect(offlineShortfalls({ serviceWorkerReady: false, modelLoaded: false, areaVillages: null, missingLanguages: ["mar"] })).toHaveLength(4);
  });
});
