// A district official logs in, finds a claim on the map, remands it with a reason and sees the audit
// entry. Real Next.js server, real PGlite + PostGIS, real Chromium.
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { compareBorderingVillages, titleBorderingVillages, type MapVillage } from "@/configs/bordering-villages";
import { DISTRICTS } from "@/server/db/seed/geography";
import { DEMO_PASSWORD } from "@/server/db/seed/generate";
import { tileContaining } from "@/server/services/tiles";
import { callApi, CHROMIUM_ARGS, CHROMIUM_PATH, listShowsOnly, startApp } from "../helpers/app-server";
import { clickMapMiddleOn } from "../helpers/map-click";
import { resolutionToday } from "../helpers/resolution";
import { indiaDayOf } from "@/configs/india-day";

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;
/** The title the DLC grants below, and its village: the village facts imported later are for it. */
let granted: { claimNo: string; censusCode: string; village: string } | null = null;
let basemapServer: Server;

// A vector basemap's style, served from another origin as a basemap host would (CORS allowed): one
// land polygon in an inline GeoJSON source, and a label layer the app has no glyphs for.
const BASEMAP_STYLE = {
  version: 8,
  sources: { land: { type: "geojson", data: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[72, 15], [81, 15], [81, 22.5], [72, 22.5], [72, 15]]] } } } },
  layers: [
    { id: "land", type: "fill", source: "land", paint: { "fill-color": "#f3efe6" } },
    { id: "land-names", type: "symbol", source: "land", layout: { "text-field": "Maharashtra" } },
  ],
};

beforeAll(async () => {
  basemapServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" }).end(JSON.stringify(BASEMAP_STYLE)));
  await new Promise<void>((resolve) => basemapServer.listen(0, "127.0.0.1", resolve));
  const basemapUrl = `http://127.0.0.1:${(basemapServer.address() as AddressInfo).port}/style.json`;
  app = await startApp(inject("templateDir"), { copy: true, env: { FRA_BASEMAP_URL: basemapUrl } });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  basemapServer?.close();
});

type CfrDetail = { claimNo: string; borderingVillages: string[]; villagesAlongBoundary: MapVillage[] };

/** Records a decision in the open claim panel; the audit trail's text once it shows the decision's reason. */
async function recordDecision(on: Page, action: string, reason: string): Promise<string> {
  const panel = on.getByLabel("Claim details");
  await panel.getByLabel("Action").selectOption(action);
  await panel.getByLabel("Reason").fill(reason);
  await panel.getByRole("button", { name: "Record decision" }).click();
  // The panel's own word: a batch decision's "Recorded for 3 claims" may still stand above the list.
  await panel.getByRole("status").filter({ hasText: "Recorded: now" }).waitFor();
  const trail = panel.getByLabel("Audit trail");
  await trail.getByText(reason).waitFor();
  return (await trail.textContent()) ?? "";
}

describe("review map, end to end", () => {
  it("refuses a wrong password", async () => {
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/login$/);
    await page.fill('input[name="username"]', "official.gadchiroli");
    await page.fill('input[name="password"]', "wrong");
    await page.click('button[type="submit"]');
    await page.locator(".error").filter({ hasText: "wrong username or password" }).waitFor();
  });

  it("logs in, finds a claim under SDLC review on the map and remands it", async () => {
    const listQueries: string[] = [];
    page.on("request", (r) => { if (r.url().includes("claims.list")) listQueries.push(decodeURIComponent(r.url())); });
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.url}/`);
    await page.waitForFunction(() => (window as unknown as { __fraMapReady?: boolean }).__fraMapReady === true, null, { timeout: 60_000 });
    // The map opens on the official's own district, not on the whole state.
    const view = await page.evaluate(() => {
      const m = (window as unknown as { __fraMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__fraMap;
      return { ...m.getCenter(), zoom: m.getZoom() };
    });
    const home = DISTRICTS.find((d) => d.name === "Gadchiroli")!;
    expect(Math.abs(view.lng - home.lon)).toBeLessThan(0.6);
    expect(Math.abs(view.lat - home.lat)).toBeLessThan(0.6);
    expect(view.zoom).toBeGreaterThan(7);
    // At a district's zoom the map shows count circles, and its legend says what their colours mean.
    const legend = page.getByLabel("Legend");
    await legend.getByText("Most pending").waitFor();
    expect(await legend.textContent()).toMatch(/Claims per (tehsil|district)/);
    // It folds away (on a tablet it covers a good part of the map).
    await legend.locator("summary").click();
    expect(await legend.getByText("Most pending").isVisible()).toBe(false);
    // The vector basemap (FRA_BASEMAP_URL, a style URL) lies under the village boundaries; its labels are
    // left out, since the app loads no glyphs.
    const layerIds = await page.waitForFunction(() => {
      const m = (window as unknown as { __fraMap: { getStyle(): { layers: Array<{ id: string }> } } }).__fraMap;
      const ids = m.getStyle().layers.map((l) => l.id);
      return ids.includes("basemap:land") ? ids : null;
    }).then(async (h) => (await h.jsonValue())!);
    expect(layerIds.indexOf("basemap:land")).toBeLessThan(layerIds.indexOf("village-fill"));
    expect(layerIds).not.toContain("basemap:land-names");
    // The map credits where its boundaries come from (the states table; here, the synthetic demo's).
    expect(await page.locator(".maplibregl-ctrl-attrib-inner").textContent()).toContain("Boundaries: FRA Atlas demo data (synthetic)");
    // "Only in map view" lists the map's view, and waits for it: no state-wide query while the tiles load.
    await page.locator(".list li").first().waitFor();
    expect(listQueries.length).toBeGreaterThan(0);
    expect(listQueries.filter((q) => !q.includes('"bbox"'))).toEqual([]);

    await page.locator(".filters label.chip", { hasText: "SDLC review" }).locator("input").check();
    await page.getByLabel("only in map view").uncheck();
    // Wait for the filtered list itself, not the list that was on screen before the filter applied.
    await page.locator(".list .summary").filter({ hasNotText: "updating" }).first().waitFor();
    const first = page.locator(".list li").first();
    await first.locator(".status", { hasText: "SDLC review" }).waitFor();
    await listShowsOnly(page, "SDLC review");
    const claimNo = (await first.locator(".meta").first().textContent())!.trim().split(" ").pop()!;
    expect(claimNo).toMatch(/^MH-GAD-/);

    // Picking it in the list flies the map to it; then the official clicks the parcel on the map.
    await first.click();
    const panel = page.getByLabel("Claim details");
    await expect(panel.textContent()).resolves.toBeTruthy();
    // The picked claim is outlined on the map, though its record arrives while the map's tiles still load.
    await page.waitForFunction((no) => {
      type M = { queryRenderedFeatures(o: object): Array<{ properties: Record<string, unknown> }> };
      const m = (window as unknown as { __fraMap: M }).__fraMap;
      return m.queryRenderedFeatures({ layers: ["claim-selected"] }).some((f) => f.properties.claim_no === no);
    }, claimNo, { timeout: 30_000, polling: 250 });
    // At the claim's zoom the legend names the statuses instead; folded before, it stays folded.
    await legend.getByText("Claim status").waitFor();
    expect(await legend.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await legend.getByText("Claim status").click();
    await legend.getByText("SDLC review").waitFor();
    expect(await legend.textContent()).not.toContain("Most pending");
    await page.getByRole("button", { name: "Close" }).click();
    // Find where the map draws this claim's parcel, bring it to the middle of the map, as the official
    // would pan to it (the legend, open now, and the map's controls cover its corners), and click it there.
    type M = { querySourceFeatures(s: string, o: object): Array<{ geometry: { type: string; coordinates: unknown } }>; jumpTo(o: object): void };
    const middle = await page.waitForFunction((no) => {
      const m = (window as unknown as { __fraMap?: M }).__fraMap;
      const found = m?.querySourceFeatures("fra", { sourceLayer: "claims", filter: ["==", ["get", "claim_no"], no] }) ?? [];
      const polygon = found.find((x) => x.geometry.type === "Polygon");
      if (polygon) {
        const ring = (polygon.geometry.coordinates as number[][][])[0]!;
        return [ring.reduce((a, q) => a + q[0]!, 0) / ring.length, ring.reduce((a, q) => a + q[1]!, 0) / ring.length];
      }
      const point = found.find((x) => x.geometry.type === "Point");
      return point ? (point.geometry.coordinates as number[]) : null;
    }, claimNo, { timeout: 90_000, polling: 250 }).then(async (h) => (await h.jsonValue()) as [number, number]);
    await page.evaluate((center) => (window as unknown as { __fraMap: M }).__fraMap.jumpTo({ center }), middle);
    await clickMapMiddleOn(page, { mapGlobal: "__fraMap", layers: ["claim-fill", "claim-points"], prop: "claim_no", value: claimNo });
    await panel.getByText(claimNo).waitFor();
    const opened = ((await panel.textContent()) ?? "").includes(claimNo);
    if (!opened) await page.screenshot({ path: "test-results/map-click-failed.png" });
    expect(opened).toBe(true);

    const trail = await recordDecision(page, "sdlc_remand", "Boundary map lacks khasra numbers; Gram Sabha to re-verify");
    expect(trail).toContain("Remanded to Gram Sabha");
    expect(trail).toContain("Asha Kumre");
    // The filter (SDLC review) now leaves the claim out of the tiles; the map still draws the open claim,
    // in its new status, from its own record.
    await page.waitForFunction((no) => {
      type F = { geometry: { type: string }; properties: Record<string, unknown> };
      const m = (window as unknown as { __fraMap: { querySourceFeatures(s: string, o?: object): F[] } }).__fraMap;
      const inTiles = m.querySourceFeatures("fra", { sourceLayer: "claims", filter: ["==", ["get", "claim_no"], no] }).length;
      const drawn = m.querySourceFeatures("selected").filter((f) => f.properties.claim_no === no && f.properties.status === "sdlc_remanded");
      return inTiles === 0 && drawn.some((f) => f.geometry.type === "Polygon");
    }, claimNo, { timeout: 60_000, polling: 250 });
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/review-remand.png" });
  });

  it("draws a redrawn parcel's boundary before and after, from the claim's history", async () => {
    // The claim just remanded, its parcel redrawn (shrunk by a third about its middle, so still in its village).
    const claimNo = (await page.getByLabel("Claim details").locator("p strong").first().textContent())!;
    type Claim = { id: string; version: number; geometry: { type: "MultiPolygon"; coordinates: number[][][][] } };
    const claim = await callApi<Claim>(app.url, "claims.get", "official.gadchiroli", { claimNo });
    const corners = claim.geometry.coordinates.flat(2);
    const [mx, my] = [0, 1].map((k) => corners.reduce((sum, p) => sum + p[k]!, 0) / corners.length) as [number, number];
    const shrunk = { type: "MultiPolygon", coordinates: claim.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(([x, y]) => [mx + (x! - mx) * 0.67, my + (y! - my) * 0.67]))) };
    await callApi(app.url, "claims.updateParcel", "official.gadchiroli", { id: claim.id, geometry: shrunk, expectedVersion: claim.version }, "mutation");

    await page.reload();
    await page.getByLabel("Search").fill(claimNo);
    await page.getByLabel("only in map view").uncheck();
    await page.locator(".list li").filter({ hasText: claimNo }).click();
    const trail = page.getByLabel("Claim details").getByLabel("Audit trail");
    const edit = trail.locator("li").filter({ hasText: "Parcel boundary" }).last();
    expect(await edit.locator(".parcel-change").textContent()).toMatch(/^[\d.]+ ha → [\d.]+ ha/);
    await edit.getByRole("button", { name: "Compare on map" }).click();
    // Both boundaries are drawn, the old one dashed, and the map goes to them.
    const drawn = await page.waitForFunction(() => {
      type M = { querySourceFeatures(s: string): Array<{ properties: { shape: string } }> };
      const shapes = (window as unknown as { __fraMap: M }).__fraMap.querySourceFeatures("compared").map((f) => f.properties.shape);
      return shapes.length >= 2 ? [...new Set(shapes)].sort() : null;
    }, null, { timeout: 30_000, polling: 250 }).then(async (h) => h.jsonValue());
    expect(drawn).toEqual(["after", "before"]);
    await edit.getByText("before").first().waitFor();
    await page.waitForFunction(() => (window as unknown as { __fraMap: { getZoom(): number } }).__fraMap.getZoom() > 14);
    await page.screenshot({ path: "test-results/parcel-compare.png" });
    await edit.getByRole("button", { name: "Hide on map" }).click();
    await page.waitForFunction(() => (window as unknown as { __fraMap: { querySourceFeatures(s: string): unknown[] } }).__fraMap.querySourceFeatures("compared").length === 0);
  });

  it("serves a tile with an ETag and its Server-Timing, then 304 or the cached copy while it is current", async () => {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const gadchiroli = DISTRICTS.find((d) => d.name === "Gadchiroli")!;
    const t = tileContaining(gadchiroli.lon, gadchiroli.lat, 10);
    const url = `${app.url}/api/tiles/${t.z}/${t.x}/${t.y}`;
    const tile = (headers: Record<string, string> = {}) => fetch(url, { headers: { cookie, ...headers } });
    const first = await tile();
    const etag = first.headers.get("etag")!;
    expect([first.status, first.headers.get("content-type"), etag]).toEqual([200, "application/vnd.mapbox-vector-tile", expect.stringMatching(/^"[0-9a-f]{24}"$/)]);
    expect(first.headers.get("server-timing")).toMatch(/auth;dur=[\d.]+, render;dur=[\d.]+, gzip;dur=[\d.]+, total;dur=[\d.]+/);
    // Sent gzipped to a client that takes it (fetch does, and unpacks it), as is to one that does not,
    // the same tile either way, each with its own ETag.
    expect(first.headers.get("content-encoding")).toBe("gzip");
    const identity = await tile({ "accept-encoding": "identity" });
    const identityEtag = identity.headers.get("etag")!;
    expect([identity.status, identity.headers.get("content-encoding"), identityEtag]).toEqual([200, null, etag.replace(/"$/, '-identity"')]);
    expect((await tile({ "accept-encoding": "identity", "if-none-match": identityEtag })).status).toBe(304);
    // Answered before Next.js's routing (server/main.ts), with the headers Next.js gives everything else.
    expect([first.headers.get("x-content-type-options"), first.headers.get("x-frame-options")]).toEqual(["nosniff", "DENY"]);
    const again = await tile({ "if-none-match": etag });
    expect([again.status, again.headers.get("x-tile-cache")]).toEqual([304, "hit"]);
    const cached = await tile();
    expect([cached.status, cached.headers.get("x-tile-cache"), cached.headers.get("etag")]).toEqual([200, "hit", etag]);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(0);
    expect(Buffer.from(await cached.arrayBuffer())).toEqual(bytes);
    expect(Buffer.from(await identity.arrayBuffer())).toEqual(bytes);
    const sent = Number(first.headers.get("content-length"));
    expect(sent > 0 && sent < bytes.length).toBe(true); // the gzipped bytes on the wire, fewer than the tile's
    expect((await fetch(url)).status).toBe(401);
    const offGrid = await fetch(`${app.url}/api/tiles/3/8/0`, { headers: { cookie } });
    expect([offGrid.status, (await offGrid.json()).error]).toEqual([400, expect.stringMatching(/^bad tile address/)]);
    const badFilter = await fetch(`${url}?f=${encodeURIComponent("{not json")}`, { headers: { cookie } });
    expect([badFilter.status, (await badFilter.json()).error]).toEqual([400, expect.stringMatching(/^bad filter/)]);
  });

  it("exports the filtered claims from the filter bar's links, to a signed-in user only", async () => {
    await page.locator(".filters label.chip", { hasText: "Remanded to Gram Sabha" }).locator("input").check();
    const href = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(href).toMatch(/^\/api\/export\?format=csv&f=[A-Za-z0-9_-]+$/);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const csv = await fetch(`${app.url}${href}`, { headers: { cookie } });
    expect([csv.status, csv.headers.get("content-type"), csv.headers.get("content-disposition")])
      .toEqual([200, "text/csv; charset=utf-8", expect.stringMatching(/^attachment; filename="fra-claims-\d{4}-\d{2}-\d{2}\.csv"$/)]);
    const [header, ...lines] = (await csv.text()).trim().split("\n");
    const status = header!.split(",").indexOf("status");
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => l.split(",")[status]))).toEqual(new Set(["sdlc_remanded"]));
    const geojson = await fetch(`${app.url}${await page.getByRole("link", { name: "GeoJSON" }).getAttribute("href")}`, { headers: { cookie } });
    expect([geojson.status, geojson.headers.get("content-type")]).toEqual([200, "application/geo+json"]);
    expect((await geojson.json()).features.length).toBe(lines.length);
    expect((await fetch(`${app.url}${href}`)).status).toBe(401);
    const badFormat = await fetch(`${app.url}/api/export?format=xlsx`, { headers: { cookie } });
    expect([badFormat.status, (await badFormat.json()).error]).toEqual([400, "format must be csv or geojson"]);
    const badFilter = await fetch(`${app.url}/api/export?format=csv&f=${encodeURIComponent("{not json")}`, { headers: { cookie } });
    expect([badFilter.status, (await badFilter.json()).error]).toEqual([400, expect.stringMatching(/^bad filter/)]);
    await page.locator(".filters label.chip", { hasText: "Remanded to Gram Sabha" }).locator("input").uncheck();
  });

  it("records one committee's decision for the claims chosen in the list, each in its own audit trail", async () => {
    const chip = page.locator(".filters label.chip", { hasText: "Gram Sabha resolved" }).locator("input");
    await chip.check();
    await page.getByLabel("Search").fill(""); // the claim searched for above
    await page.getByLabel("only in map view").uncheck(); // the district's, wherever the map is
    await listShowsOnly(page, "Gram Sabha resolved");
    const claimNoIn = async (i: number) => (await page.locator(".list li").nth(i).textContent())!.match(/[A-Z]{2}-[A-Z]+-(?:IFR|CR|CFR)-\d{4}-\d{6}/)![0];
    const chosen: string[] = [];
    for (let i = 0; i < 3; i++) {
      chosen.push(await claimNoIn(i));
      await page.getByRole("checkbox", { name: `Choose ${chosen[i]}` }).check();
    }
    const batch = page.getByLabel("Decision on the chosen claims");
    await batch.getByText("3 chosen").waitFor();
    // Only the steps open from that stage, to this role; no grant.
    expect(await batch.getByLabel("Step for the chosen claims").locator("option").allTextContents()).toEqual(["Choose a step…", "Forward to SDLC"]);
    await batch.getByLabel("Step for the chosen claims").selectOption("forward_to_sdlc");
    const minutes = "Resolutions of the Gram Sabha sitting of 18 November 2026 checked by the SDLC secretariat";
    await batch.getByLabel("Reason for the chosen claims").fill(minutes);
    await batch.getByRole("button", { name: "Record for 3 claims" }).click();
    await page.getByRole("status").filter({ hasText: "Recorded for 3 claims: now SDLC review" }).waitFor();
    for (const claimNo of chosen) {
      const detail = await callApi<{ status: string; history: Array<{ action: string; reason: string; actor: string }> }>(app.url, "claims.get", "official.gadchiroli", { claimNo });
      expect(detail.status).toBe("sdlc_review");
      expect(detail.history.at(-1)).toMatchObject({ action: "forward_to_sdlc", reason: minutes });
    }
    // The list, refreshed, no longer holds them among the resolved claims.
    await page.waitForFunction((numbers) => {
      const text = document.querySelector(".list ul")?.textContent ?? "";
      return !document.querySelector(".list .summary")?.textContent?.includes("updating") && numbers.every((n) => !text.includes(n));
    }, chosen);
    await page.screenshot({ path: "test-results/committee-decision.png" });
    await chip.uncheck();
    await page.getByLabel("only in map view").check();
  });

  it("records a Gram Sabha's resolution for claims remanded to it, once its minutes show a quorum", async () => {
    const chip = page.locator(".filters label.chip", { hasText: "Remanded to Gram Sabha" }).locator("input");
    await chip.check();
    await page.getByLabel("only in map view").uncheck();
    await listShowsOnly(page, "Remanded to Gram Sabha");
    const chosen: string[] = [];
    for (let i = 0; i < 2; i++) {
      chosen.push((await page.locator(".list li").nth(i).textContent())!.match(/[A-Z]{2}-[A-Z]+-(?:IFR|CR|CFR)-\d{4}-\d{6}/)![0]);
      await page.getByRole("checkbox", { name: `Choose ${chosen[i]}` }).check();
    }
    const batch = page.getByLabel("Decision on the chosen claims");
    await batch.getByLabel("Step for the chosen claims").selectOption("record_gs_resolution");
    const reason = "Gram Sabha heard the claims again with the khasra map completed; no objection upheld";
    await batch.getByLabel("Reason for the chosen claims").fill(reason);
    const resolution = resolutionToday("GS/21/2026");
    const record = batch.getByRole("button", { name: "Record for 2 claims" });
    expect(await record.isDisabled()).toBe(true); // the resolution is not given yet
    await batch.getByLabel("Resolution number").fill(resolution.number);
    await batch.getByLabel("Passed on").fill(resolution.passedOn);
    await batch.getByLabel("Members of the Gram Sabha").fill(String(resolution.members));
    await batch.getByLabel("Members present").fill(String(resolution.present));
    await batch.getByLabel("Claimants whose claims it resolved on").fill(String(resolution.claimants));
    await batch.getByLabel("Claimants present or represented").fill(String(resolution.claimantsPresent));
    await batch.getByLabel("Women present").fill("20");
    await batch.getByText("No quorum: 20 of the 64 present were women, and Rule 4(2) needs at least a third (22).").waitFor();
    expect(await record.isDisabled()).toBe(true);
    await batch.getByLabel("Women present").fill(String(resolution.womenPresent));
    // One resolution on two claims heard at least two claimants.
    await batch.getByLabel("Claimants whose claims it resolved on").fill("1");
    await batch.getByLabel("Claimants present or represented").fill("1");
    await batch.getByRole("alert").filter({ hasText: "One resolution on 2 claims heard at least 2 claimants, not 1: each claim has at least one." }).waitFor();
    expect(await record.isDisabled()).toBe(true);
    await batch.getByLabel("Claimants whose claims it resolved on").fill(String(resolution.claimants));
    await batch.getByLabel("Claimants present or represented").fill("5");
    await batch.getByText("No quorum for claims: 5 of the 12 claimants were present or represented, and Rule 4(2) needs at least half (6).").waitFor();
    expect(await record.isDisabled()).toBe(true);
    await batch.getByLabel("Claimants present or represented").fill(String(resolution.claimantsPresent));
    await batch.getByText("Quorum met (Rule 4(2)): 64 present of 120, at least 60; 23 women, at least 22; 7 of 12 claimants, at least 6.").waitFor();
    await record.click();
    await page.getByRole("status").filter({ hasText: "Recorded for 2 claims: now Gram Sabha resolved" }).waitFor();
    for (const claimNo of chosen) {
      const detail = await callApi<{ status: string; gsResolution: unknown; history: Array<{ action: string; reason: string; gsResolution: unknown }> }>(app.url, "claims.get", "official.gadchiroli", { claimNo });
      expect(detail).toMatchObject({ status: "gs_resolved", gsResolution: resolution });
      expect(detail.history.at(-1)).toMatchObject({ action: "record_gs_resolution", reason, gsResolution: resolution });
    }
    await chip.uncheck();
    await page.getByLabel("only in map view").check();
  });

  it("rejects a claim at the SDLC and prints the claimant's notice, with the reason and the appeal, in English and Marathi", async () => {
    const chip = page.locator(".filters label.chip", { hasText: "SDLC review" }).locator("input");
    await chip.check();
    await page.getByLabel("only in map view").uncheck();
    await listShowsOnly(page, "SDLC review");
    await page.locator(".list li", { hasText: "-IFR-" }).first().click();
    const panel = page.getByLabel("Claim details");
    const claimant = (await panel.locator("h2").textContent())!;
    const claimantLocal = (await panel.locator("h2 + div").textContent())!;
    const reason = "Occupation after 13 December 2005: the 2006 satellite image shows standing forest on the parcel";
    await recordDecision(page, "sdlc_reject", reason);
    const [notice] = await Promise.all([page.context().waitForEvent("page"), panel.getByRole("link", { name: "Rejection notice, to print" }).click()]);
    const english = notice.getByRole("article", { name: "Intimation of rejection of claim" });
    await english.waitFor();
    const text = (await english.textContent())!;
    expect(text).toContain(`${claimant} (${claimantLocal})`);
    expect(text).toMatch(/The Sub-Divisional Level Committee considered your claim on \d{1,2} \w+ \d{4} and rejected it/);
    expect(text).toContain(reason);
    expect(text).toContain("appeal against this decision to the District Level Committee within 60 days");
    expect(text).toContain("Sub-Divisional Officer, Chairperson of the SDLC");
    await notice.getByRole("button", { name: "Print" }).waitFor();
    await notice.getByRole("link", { name: "मराठी" }).click();
    const marathi = notice.getByRole("article", { name: "दावा नामंजुरीची सूचना" });
    await marathi.waitFor();
    const marathiText = (await marathi.textContent())!;
    expect(marathiText).toContain(`${claimantLocal} (${claimant})`);
    expect(marathiText).toContain("उपविभागीय स्तरीय समितीने");
    expect(marathiText).toContain(reason); // as recorded
    expect(marathiText).toContain("जिल्हास्तरीय समितीकडे अपील");
    await notice.screenshot({ path: "test-results/notice-mr.png", fullPage: true });
    // A claim not rejected has no notice to print.
    const [pending] = (await callApi<{ items: Array<{ claimNo: string }> }>(app.url, "claims.list", "official.gadchiroli", { filter: { statuses: ["sdlc_review"] }, limit: 1 })).items;
    await notice.goto(`${app.url}/claims/${pending!.claimNo}/notice`);
    expect(await notice.getByRole("status").textContent()).toContain(`Claim ${pending!.claimNo} has no rejection to give notice of: it is at “SDLC review”`);
    expect(await notice.getByRole("button", { name: "Print" }).count()).toBe(0);
    await notice.close();
    // The signed receipt slip comes back: its day opens the 60 days to appeal.
    const delivery = panel.getByLabel("Rejection notice");
    expect(await delivery.getByRole("status").textContent()).toContain("not yet recorded as received");
    await delivery.getByText("Record the day it was received").click();
    await delivery.getByLabel("How it was delivered").selectOption("gram_sabha");
    await delivery.getByLabel("Delivery note").fill("Read out and handed over at the Gram Sabha; slip signed, kept in the file");
    await delivery.getByRole("button", { name: "Record receipt" }).click();
    await delivery.getByRole("status").getByText(/appeal window open until \d{1,2} \w+ \d{4} \(60 days left\)/).waitFor();
    const lastEntry = panel.getByRole("list", { name: "Audit trail" }).locator("li").last();
    expect(await lastEntry.textContent()).toMatch(/Rejection notice received.*handed over at the Gram Sabha: Read out and handed over/);
    await chip.uncheck();
    await page.getByLabel("only in map view").check();
  });

  it("starts field staff in the field app, and lets them record a field verification on the review map of their block", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const staff = await context.newPage();
      await staff.goto(`${app.url}/login`);
      await staff.fill('input[name="username"]', "field.etapalli");
      await staff.fill('input[name="password"]', DEMO_PASSWORD);
      await staff.click('button[type="submit"]');
      await staff.waitForURL(`${app.url}/field`);
      await staff.getByRole("link", { name: "Review map" }).click();
      await staff.waitForURL(`${app.url}/`);
      await staff.getByRole("link", { name: "Field app" }).waitFor();
      await staff.locator(".filters label.chip", { hasText: "Received by FRC" }).locator("input").check();
      await staff.getByLabel("only in map view").uncheck();
      await listShowsOnly(staff, "Received by FRC");
      await staff.locator(".list li").first().click();
      const panel = staff.getByLabel("Claim details");
      await panel.getByText("Record field verification").waitFor({ state: "attached" });
      expect(await panel.textContent()).toContain("Etapalli, Gadchiroli"); // their block only
      // The committees' steps are not theirs: a received claim offers them field verification alone.
      expect(await panel.getByLabel("Action").locator("option").allTextContents()).toEqual(["Choose an action…", "Record field verification"]);
      const trail = await recordDecision(staff, "verify_in_field", "Boundary walked with the FRC, the forester and the patwari");
      expect(await staff.getByRole("status").textContent()).toBe("Recorded: now Field verified");
      expect(trail).toContain("Ravi Atram");
    } finally {
      await context.close();
    }
  });

  it("opens the dashboard", async () => {
    await page.getByRole("button", { name: "Dashboard" }).click();
    const dashboard = page.locator('[aria-label="Dashboard"]');
    await dashboard.getByText("By tehsil").waitFor();
    await dashboard.getByText("Etapalli").waitFor();
    // Pending claims by stage (named as the workflow names them) and time waiting: the same claims as the
    // tehsils' pending column.
    const byStage = dashboard.getByRole("table", { name: "Pending claims by stage and time waiting" });
    await byStage.getByRole("cell", { name: "Remanded to Gram Sabha" }).waitFor();
    const total = async (cells: ReturnType<typeof page.locator>) => (await cells.allTextContents()).reduce((sum, t) => sum + Number(t.replace(/,/g, "")), 0);
    const pending = await total(dashboard.getByRole("table", { name: "Claims by tehsil" }).locator("tbody td:nth-child(4)"));
    expect(pending).toBeGreaterThan(0);
    expect(await total(byStage.locator("tbody td:not(:first-child)"))).toBe(pending);
    // Headline figures: the share disposed of, and the area the titles recognised against what they claimed.
    const headline = dashboard.getByLabel("Headline figures");
    await headline.getByText(/titled or rejected/).waitFor();
    expect(await headline.textContent()).toMatch(/Area recognised on titles[\d,]+ ha of [\d,]+ ha those claims asked for \(\d+\.\d%\)/);
    // Rejections by their notice: the one just delivered (above) is among the open appeal windows.
    // Titles by the schemes they open: PM-KISAN takes every individual title, as the table by type counts them.
    const byType = dashboard.getByRole("table", { name: "Claims by type" });
    const individualTitles = (await byType.locator("tbody tr", { hasText: "IFR" }).locator("td:nth-child(3)").textContent())!;
    const bySchemes = dashboard.getByRole("table", { name: "Titles by scheme" });
    expect(await bySchemes.locator("tbody tr", { hasText: "PM-KISAN" }).locator("td:nth-child(2)").textContent()).toBe(individualTitles);
    const notices = dashboard.getByLabel("Rejection notices");
    expect(await notices.textContent()).toMatch(/Notice not yet delivered[\d,]+Appeal window open[1-9][\d,]* \([\d,]+ closing within 7 days\)Appeal window closed[\d,]+/);
    await page.screenshot({ path: "test-results/dashboard.png" });
  });

  it("opens a status from the dashboard on the map, and grants a title for the area the DLC recognised", async () => {
    await page.getByLabel("Dashboard").getByRole("button", { name: "DLC review", exact: true }).click();
    // The map, filtered to that status: the chip is set and the list holds only such claims.
    await page.locator(".list li").first().waitFor();
    expect(await page.locator('.filters label.chip[title="DLC review"] input').isChecked()).toBe(true);
    await listShowsOnly(page, "DLC review");
    await page.locator(".list li", { hasText: "-IFR-" }).first().click(); // an individual claim: Annexure II, both spouses
    const panel = page.getByLabel("Claim details");
    await panel.getByLabel("Action").waitFor();
    const claimed = Number((await panel.locator("dt", { hasText: "Area claimed" }).locator("+ dd").textContent())!.replace(" ha", ""));
    await panel.getByLabel("Action").selectOption("grant_title");
    // Offered: the mapped area, or what was claimed, whichever is less.
    const area = panel.getByLabel("Area recognised on the title (ha)");
    expect(Number(await area.inputValue())).toBeLessThanOrEqual(claimed);
    await panel.getByLabel("Reason").fill("DLC recognised the cultivated part; the rest is a nala bed");
    const record = panel.getByRole("button", { name: "Record decision" });
    await area.fill((claimed + 0.5).toFixed(2));
    expect(await record.isDisabled()).toBe(true);
    expect(await area.getAttribute("aria-invalid")).toBe("true");
    const part = (Math.floor(claimed * 50) / 100).toFixed(2);
    await area.fill(part);
    await record.click();
    await page.getByRole("status").filter({ hasText: "Recorded: now Title granted" }).waitFor();
    await panel.getByLabel("Audit trail").getByText(`Area recognised: ${part} ha of ${claimed.toFixed(2)} ha claimed`).waitFor();
    await panel.locator("dt", { hasText: "Area titled" }).waitFor();
    expect(await panel.locator("dt", { hasText: "Area titled" }).locator("+ dd").textContent()).toBe(`${part} ha (recognised by the DLC)`);
    // The schemes the title opens, by rule: PM-KISAN for the land it recognised, the rest with why.
    const schemes = panel.getByRole("region", { name: "Schemes for the title holder" });
    const pmKisan = schemes.locator("li", { hasText: "PM-KISAN" });
    expect(await pmKisan.locator(".verdict").textContent()).toBe("Eligible");
    expect(await pmKisan.locator("p").textContent()).toContain(`A family holding ${part} ha of land by an individual title`);
    // Housing is the household's to check; water and DAJGUA follow what the demo's departments report of the village.
    const grantedNo = (await panel.locator("p strong").first().textContent())!;
    const { village: grantedVillage } = await callApi<{ village: { name: string; censusCode: string } }>(app.url, "claims.get", "official.gadchiroli", { claimNo: grantedNo });
    granted = { claimNo: grantedNo, censusCode: grantedVillage.censusCode, village: grantedVillage.name };
    expect((await schemes.locator("li .verdict").allTextContents()).slice(0, 3)).toEqual(["Eligible", "Eligible", "To check"]);
    expect(["Already covered", "To check"]).toContain(await schemes.locator("li", { hasText: "Jal Jeevan Mission" }).locator(".verdict").textContent());
    expect(await schemes.locator("li", { hasText: "Jal Jeevan Mission" }).locator("p").textContent()).toContain(granted.village);
    expect(await schemes.locator("li", { hasText: "Dharti Aaba" }).locator("p").textContent()).toContain("DAJGUA's list as of 2 Oct 2024");
    await schemes.screenshot({ path: "test-results/title-schemes.png" });

    // The grant took the next number of the district's register of titles.
    const titleNo = (await panel.locator("dt", { hasText: /^Title$/ }).locator("+ dd").textContent())!.split(" · ")[0]!;
    expect(titleNo).toMatch(/^MH-GAD-T-\d{4}-\d{5}$/);

    // The title to print: Annexure II with both spouses, the area recognised, the parcel and three signatures.
    const claimant = (await panel.locator("h2").textContent())!;
    const claimantLocal = (await panel.locator("h2 + div").textContent())!;
    const spouse = (await panel.locator("dt", { hasText: "Spouse" }).locator("+ dd").textContent())!;
    // Named at its field verification, side by side: the title describes the boundary by them.
    const landmarks = (await panel.locator("dt", { hasText: "Landmarks" }).locator("+ dd").textContent())!;
    expect(landmarks).toMatch(/^North: .+; East: .+; South: .+; West: .+$/);
    const [titlePage] = await Promise.all([page.context().waitForEvent("page"), panel.getByRole("link", { name: "Annexure II, to print" }).click()]);
    const deed = titlePage.getByRole("article", { name: "Annexure II: Title for forest land under occupation" });
    await deed.waitFor();
    const text = (await deed.textContent())!;
    expect(text).toContain(`${claimant} (${claimantLocal}) and ${spouse}`);
    expect(text).toContain(`Title no. ${titleNo}`);
    expect(text).toContain(`Area${part} hectares`);
    expect(text).toContain(`Description of boundaries by prominent landmarks, with khasra / compartment numbers${landmarks}. Khasra / compartment `);
    expect(text).toMatch(/granted by the District Level Committee on \d{1,2} \w+ \d{4}/);
    for (const signatory of ["Divisional Forest Officer", "District Tribal Welfare Officer", "District Collector"]) expect(text).toContain(signatory);
    expect(await deed.getByRole("img", { name: "Sketch of the parcel" }).locator("path").first().getAttribute("d")).toMatch(/^M[\d.,L]+Z/);
    await titlePage.getByRole("button", { name: "Print" }).waitFor();
    mkdirSync("test-results", { recursive: true });
    await titlePage.screenshot({ path: "test-results/title.png", fullPage: true });

    // The same title in Marathi, the language Maharashtra issues titles in: the names in Devanagari first.
    await titlePage.getByRole("link", { name: "मराठी" }).click();
    const marathi = titlePage.getByRole("article", { name: "परिशिष्ट II: ताब्यातील वनजमिनीचे हक्कपत्र" });
    await marathi.waitFor();
    expect(await marathi.getAttribute("lang")).toBe("mr");
    const marathiText = (await marathi.textContent())!;
    expect(marathiText).toContain(`${claimantLocal} (${claimant}) व ${spouse}`);
    expect(marathiText).toContain(`हक्कपत्र क्रमांक ${titleNo}`);
    expect(marathiText).toContain(`क्षेत्रफळ${part} हेक्टर`);
    expect(marathiText).toContain(landmarks.replace("North", "उत्तर").replace("East", "पूर्व").replace("South", "दक्षिण").replace("West", "पश्चिम"));
    expect(marathiText).toMatch(/जिल्हास्तरीय समितीने \S+ \S+ \S+ रोजी प्रदान केले/);
    for (const signatory of ["विभागीय वन अधिकारी", "जिल्हा आदिवासी कल्याण अधिकारी", "जिल्हाधिकारी"]) expect(marathiText).toContain(signatory);
    expect(await titlePage.getByRole("link", { name: "English" }).getAttribute("href")).toBe("?lang=en");
    await titlePage.screenshot({ path: "test-results/title-mr.png", fullPage: true });
    // A language the app has no title text in is no page.
    expect((await titlePage.goto(titlePage.url().replace("lang=mr", "lang=xx")))!.status()).toBe(404);
    await titlePage.close();
  });

  it("prints a community forest resource's title (Annexure IV) with the villages it borders, in both scripts", async () => {
    const [cfr] = (await callApi<{ items: Array<{ id: string; claimNo: string }> }>(app.url, "claims.list", "official.gadchiroli", { filter: { types: ["CFR"], statuses: ["title_granted"] }, limit: 1 })).items;
    const detail = await callApi<CfrDetail>(app.url, "claims.get", "official.gadchiroli", { id: cfr!.id });
    const printed = titleBorderingVillages(detail.borderingVillages, detail.villagesAlongBoundary);
    expect(printed.length).toBeGreaterThan(0);
    await page.goto(`${app.url}/claims/${cfr!.claimNo}/title`);
    const deed = page.getByRole("article", { name: "Annexure IV: Community forest resource" });
    const row = deed.locator("li", { hasText: "Bordering villages" }).locator(".value");
    expect(await row.textContent()).toBe(printed.map((v) => (v.nameLocal ? `${v.name} (${v.nameLocal})` : v.name)).join(", "));
    await page.goto(`${app.url}/`);
  });

  it("sets a community forest resource's bordering villages as its form names them against the villages its mapped boundary reaches", async () => {
    const { items } = await callApi<{ items: Array<{ id: string; claimNo: string }> }>(app.url, "claims.list", "official.gadchiroli", { filter: { types: ["CFR"] }, limit: 100 });
    let disagreeing: { detail: CfrDetail; notOnMap: string[] } | null = null;
    for (const item of items) {
      const detail = await callApi<CfrDetail>(app.url, "claims.get", "official.gadchiroli", { id: item.id });
      const { notOnMap } = compareBorderingVillages(detail.borderingVillages, detail.villagesAlongBoundary);
      if (notOnMap.length) {
        disagreeing = { detail, notOnMap };
        break;
      }
    }
    expect(disagreeing).not.toBeNull();
    const { detail, notOnMap } = disagreeing!;
    await page.getByLabel("Search").fill(detail.claimNo);
    await page.getByLabel("only in map view").uncheck();
    await page.locator(".list li").filter({ hasText: detail.claimNo }).click();
    const row = page.getByLabel("Claim details").locator("dt", { hasText: "Bordering villages" }).locator("+ dd");
    await row.getByTestId("bordering-not-on-map").filter({ hasText: `Named on the form, not along the mapped boundary: ${notOnMap.join(", ")}` }).waitFor();
    expect(await row.textContent()).toContain(`${detail.borderingVillages.join(", ")} (Form C)`);
    await page.screenshot({ path: "test-results/bordering-villages.png" });
    await page.getByLabel("Search").fill("");
  });

  it("warns before an appeal whose window has closed, and still offers to record it", async () => {
    const [closed] = (await callApi<{ items: Array<{ claimNo: string }> }>(app.url, "claims.list", "official.gadchiroli", { filter: { notice: "appeal_closed" }, limit: 1 })).items;
    await page.getByLabel("Search").fill(closed!.claimNo);
    await page.getByLabel("only in map view").uncheck();
    await page.locator(".list li").filter({ hasText: closed!.claimNo }).click();
    const panel = page.getByLabel("Claim details");
    await panel.getByLabel("Action").selectOption("file_appeal");
    const note = panel.getByRole("note");
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^This appeal is late: the appeal window closed on .+ \(\d+ days? ago\)\. It can still be recorded; the committee decides whether to hear it\./);
    expect(await panel.getByRole("button", { name: "Record decision" }).count()).toBe(1);
    await panel.getByLabel("Action").selectOption("");
    expect(await panel.getByRole("note").count()).toBe(0);
    await page.getByLabel("Search").fill("");
  });

  it("imports a department's village facts on the dashboard, refusing a bad file whole, and the granted title's schemes follow them and its household's", async () => {
    const { claimNo, censusCode, village } = granted!;
    await page.getByRole("button", { name: "Dashboard" }).click();
    const dashboard = page.locator('[aria-label="Dashboard"]');
    const form = dashboard.getByRole("form", { name: "Import village facts" });
    const file = (text: string) => ({ name: "jjm-gadchiroli.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await form.getByLabel("Figures as of").fill(indiaDayOf(Date.now()));
    await form.getByLabel("Village facts file").setInputFiles(file(`census_code,households,households_with_tap,dajgua\n${censusCode},60,70,no\n`));
    await form.getByRole("button", { name: "Import" }).click();
    const refused = await dashboard.getByRole("alert").textContent();
    expect(refused).toBe("jjm-gadchiroli.csv was not imported, nothing changed: line 2: households_with_tap: 70 taps in 60 households");
    await form.getByLabel("Village facts file").setInputFiles(file(`Village,census_code,households,households_with_tap,dajgua\n${village},${censusCode},60,60,no\n`));
    await form.getByRole("button", { name: "Import" }).click();
    await dashboard.getByRole("status").filter({ hasText: "Recorded the facts of 1 village (tap figures for 1, DAJGUA listing for 1); columns passed over: Village." }).waitFor();
    // A scheme's list for its department, from the same rules: PM-KISAN's holds every individual title counted eligible.
    const pmKisanRow = dashboard.getByRole("table", { name: "Titles by scheme" }).locator("tbody tr", { hasText: "PM-KISAN" });
    const list = await page.request.get(new URL((await pmKisanRow.getByRole("link", { name: "CSV" }).getAttribute("href"))!, app.url).href);
    expect(list.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = (await list.text()).trim().split("\n");
    expect(lines[0]).toBe("claim_no,title_no,verdict,why,claimant_name,type,village,census_code,gram_panchayat,tehsil,district,area_titled_ha,granted_on");
    expect(lines.length - 1).toBe(Number((await pmKisanRow.locator("td:nth-child(2)").textContent())!.replace(/,/g, "")));
    expect(lines.some((l) => l.startsWith(`${claimNo},`))).toBe(true);

    await page.getByRole("button", { name: "Claims map" }).click();
    await page.getByLabel("Search").fill(claimNo);
    await page.getByLabel("only in map view").setChecked(false);
    await page.locator(".list li").filter({ hasText: claimNo }).click();
    const schemes = page.getByLabel("Claim details").getByRole("region", { name: "Schemes for the title holder" });
    const jjm = schemes.locator("li", { hasText: "Jal Jeevan Mission" });
    await jjm.locator(".verdict", { hasText: "Already covered" }).waitFor();
    expect(await jjm.locator("p").textContent()).toMatch(new RegExp(`^Every one of ${village}'s 60 households has a tap connection \\(Jal Jeevan Mission's figures of `));
    expect(await schemes.locator("li", { hasText: "Dharti Aaba" }).locator(".verdict").textContent()).toBe("Not eligible");

    // What the office checked of the household settles the rest: a pucca house, and no tap of its own.
    await schemes.getByText("Household facts, as the district office checked them").click();
    await schemes.getByLabel("House").selectOption("pucca");
    await schemes.getByLabel("A working tap connection").selectOption("no");
    await schemes.getByRole("button", { name: "Record household facts" }).click();
    await schemes.locator("li", { hasText: "PM Awas Yojana" }).locator(".verdict", { hasText: "Not eligible" }).waitFor();
    expect(await jjm.locator(".verdict").textContent()).toBe("Eligible");
    expect(await jjm.locator("p").textContent()).toBe(`The household in ${village} has no tap connection: Jal Jeevan Mission's to connect.`);
    await schemes.getByText(/^Recorded by Asha Kumre/).waitFor();
    await schemes.screenshot({ path: "test-results/title-household.png" });
    await page.getByLabel("Search").fill("");
  });

  it("prints no title for a claim that has none, nor for another district's claim", async () => {
    const [pending] = (await callApi<{ items: Array<{ claimNo: string }> }>(app.url, "claims.list", "official.gadchiroli", { filter: { types: ["IFR"], statuses: ["dlc_review"] }, limit: 1 })).items;
    await page.goto(`${app.url}/claims/${pending!.claimNo}/title`);
    expect(await page.getByRole("status").textContent()).toContain(`Claim ${pending!.claimNo} has no title (Annexure II) yet: it is at “DLC review”`);
    expect(await page.getByRole("button", { name: "Print" }).count()).toBe(0);
    const [other] = (await callApi<{ items: Array<{ claimNo: string }> }>(app.url, "claims.list", "official.nandurbar", { filter: { statuses: ["title_granted"] }, limit: 1 })).items;
    expect((await page.goto(`${app.url}/claims/${other!.claimNo}/title`))!.status()).toBe(404);
    expect((await page.goto(`${app.url}/claims/${encodeURIComponent("not a claim")}/title`))!.status()).toBe(404);
    await page.goto(`${app.url}/`);
  });
});
