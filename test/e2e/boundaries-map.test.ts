// A fresh machine's first start on a real state's village boundaries (FRA_SEED_BOUNDARIES, here a file in
// DataMeet's layout made by test/helpers/boundary-fixture.ts): the server migrates and seeds an empty
// folder from it, and a district official's map opens on that district, credits the boundaries' source
// and lists the state's claim numbers. Real server, real PGlite + PostGIS, real Chromium.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundaryFixture } from "../helpers/boundary-fixture";
import { CHROMIUM_ARGS, CHROMIUM_PATH, signIn, startApp } from "../helpers/app-server";

let folder: string;
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "fra-first-start-"));
  const fixture = boundaryFixture();
  writeFileSync(path.join(folder, "ga.geojson"), fixture.geojson);
  writeFileSync(path.join(folder, "ga.csv"), fixture.codeTable);
  app = await startApp(path.join(folder, "db"), {
    copy: false,
    env: { FRA_SEED_CLAIMS: "300", FRA_SEED_BOUNDARIES: path.join(folder, "ga.geojson"), FRA_SEED_CENSUS_CODES: path.join(folder, "ga.csv") },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(folder, { recursive: true, force: true }); // the database, and beside it its model store, keys and runs
});

describe("the first start on a real state's village boundaries", () => {
  it("seeds them, and a district official's map opens on the district, crediting the boundaries' source", async () => {
    await signIn(page, app.url, "official.north-goa", "/");
    await page.waitForFunction(() => (window as unknown as { __fraMapReady?: boolean }).__fraMapReady === true, null, { timeout: 120_000 });
    // North Goa's villages and its town lie in 74.10–74.16 E, 15.20–15.26 N.
    const view = await page.evaluate(() => {
      const m = (window as unknown as { __fraMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__fraMap;
      return { ...m.getCenter(), zoom: m.getZoom() };
    });
    expect(view.lng).toBeGreaterThan(74.1);
    expect(view.lng).toBeLessThan(74.16);
    expect(view.lat).toBeGreaterThan(15.2);
    expect(view.lat).toBeLessThan(15.26);
    expect(view.zoom).toBeGreaterThan(10);
    expect(await page.locator(".maplibregl-ctrl-attrib-inner").textContent()).toContain("Boundaries: © DataMeet contributors (indian_village_boundaries, ODbL)");
    await page.locator(".list li").first().waitFor();
    const items = await page.locator(".list li").allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/GA-NGO-(IFR|CR|CFR)-\d{4}-\d{6}/);
  });
});
