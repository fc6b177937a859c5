// The README's pictures of the review map, taken from a running demo (`npm run demo`) in headless
// Chromium, so that they show the app as it is. It changes nothing: the decisions are chosen, not recorded.
//   npx tsx scripts/screenshots.ts [--url http://localhost:3000] [--out public/screenshots]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, listShowsOnly, signIn } from "@/test/helpers/app-server";

const { values } = parseArgs({ options: { url: { type: "string", default: "http://localhost:3000" }, out: { type: "string", default: "public/screenshots" } } });
const appUrl = values.url!;
const out = values.out!;
mkdirSync(out, { recursive: true });

// Every tile asked for has been drawn.
const mapSettled = (page: Page) => page.waitForFunction(() => {
  const m = (window as unknown as { __fraMap?: { loaded(): boolean; areTilesLoaded(): boolean } }).__fraMap;
  return m?.loaded() && m.areTilesLoaded();
}, null, { timeout: 60_000, polling: 250 });

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, appUrl, "official.gadchiroli", "/");
  await page.waitForFunction(() => (window as unknown as { __fraMapReady?: boolean }).__fraMapReady === true);
  await mapSettled(page);
  await page.screenshot({ path: path.join(out, "district.png") });

  // A claim under SDLC review, picked from the list, with a remand being written.
  await page.locator(".filters label.chip", { hasText: "SDLC review" }).locator("input").check();
  await listShowsOnly(page, "SDLC review");
  await page.locator(".list li").first().click();
  const panel = page.getByLabel("Claim details");
  await panel.getByLabel("Action").selectOption("sdlc_remand");
  await panel.getByLabel("Reason").fill("Boundary map lacks khasra numbers; Gram Sabha to re-verify");
  await page.waitForTimeout(1_000); // the flight to the claim
  // Every status again, and out a little, so that the neighbours' parcels show around the picked one.
  await page.locator(".filters label.chip", { hasText: "SDLC review" }).locator("input").uncheck();
  await page.evaluate(() => (window as unknown as { __fraMap: { zoomTo(z: number, o: object): void } }).__fraMap.zoomTo(14.6, { duration: 0 }));
  await mapSettled(page);
  await page.screenshot({ path: path.join(out, "review.png") });

  await page.getByRole("link", { name: "Dashboard" }).or(page.getByRole("button", { name: "Dashboard" })).first().click();
  await page.locator('.dashboard[aria-busy="false"]').waitFor(); // the figures, not the "…" shown while they load
  await page.screenshot({ path: path.join(out, "dashboard.png") });

  // A committee's decision on three resolved claims, being written.
  await page.getByRole("button", { name: "Claims map" }).click();
  await page.locator(".filters label.chip", { hasText: "Gram Sabha resolved" }).locator("input").check();
  await page.getByLabel("only in map view").uncheck();
  await listShowsOnly(page, "Gram Sabha resolved");
  for (let i = 0; i < 3; i++) await page.locator(".list li").nth(i).locator("input.choose").check();
  const batch = page.getByLabel("Decision on the chosen claims");
  await batch.getByLabel("Step for the chosen claims").selectOption("forward_to_sdlc");
  await batch.getByLabel("Reason for the chosen claims").fill("Resolutions of the Gram Sabha sitting of 18 November checked by the SDLC secretariat");
  await mapSettled(page);
  await page.screenshot({ path: path.join(out, "committee.png") });

  // A title, printed in Marathi.
  await batch.getByRole("button", { name: "Clear" }).click();
  await page.locator(".filters label.chip", { hasText: "Gram Sabha resolved" }).locator("input").uncheck();
  await page.locator(".filters label.chip", { hasText: "Title granted" }).locator("input").check();
  await listShowsOnly(page, "Title granted");
  const titled = (await page.locator(".list li", { hasText: "-IFR-" }).first().textContent())!.match(/[A-Z]{2}-[A-Z]+-IFR-\d{4}-\d{6}/)![0];
  await page.goto(`${appUrl}/claims/${titled}/title?lang=mr`);
  await page.locator(".print-doc").waitFor();
  await page.screenshot({ path: path.join(out, "title-mr.png"), fullPage: true });
  console.log(`wrote district.png, review.png, dashboard.png, committee.png and title-mr.png into ${out}`);
} finally {
  await browser.close();
}
