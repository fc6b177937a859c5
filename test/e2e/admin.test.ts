// An admin launches a retraining run from the admin page, watches it progress, compares the candidate
// with the stable model and publishes it to beta; the beta manifest then serves it. Real `next start`
// (its scheduler runs the real trainer), real PGlite + PostGIS, real Chromium.
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH, signIn, startApp } from "../helpers/app-server";

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp(inject("templateDir"));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(60_000);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("admin console, end to end", () => {
  it("keeps non-admins out", async () => {
    await signIn(page, app.url, "official.gadchiroli", "/admin");
    await page.getByText("The admin console is for admins.").waitFor();
    await page.context().clearCookies();
  });

  it("launches a run, shows its progress live, then compares and publishes the model it made", async () => {
    await signIn(page, app.url, "admin", "/admin");
    const form = page.getByLabel("Launch a run");
    await form.getByLabel("Teacher width").fill("32");
    await form.getByLabel("Teacher layers").fill("1");
    await form.getByLabel("Student width").fill("32");
    await form.getByLabel("Student layers").fill("1");
    await form.getByLabel("Teacher epochs").fill("1");
    await form.getByLabel("Student epochs").fill("1");
    // A size the model cannot have is refused by the server with the reason, and nothing is queued.
    await form.getByLabel("Teacher width").fill("33");
    await form.getByRole("button", { name: "Launch" }).click();
    await form.getByRole("alert").filter({ hasText: /multiple of heads/ }).waitFor();
    expect(await page.getByTestId("run-row").count()).toBe(0);
    await page.getByLabel("Runs", { exact: true }).getByText("No runs yet").waitFor();
    await form.getByLabel("Teacher width").fill("32");
    await form.getByRole("button", { name: "Launch" }).click();
    await form.getByRole("status").filter({ hasText: /queued/ }).waitFor();
    await page.getByTestId("run-row").first().click();
    expect(await page.getByLabel("Runs", { exact: true }).getByText("No runs yet").count()).toBe(0);
    const detail = page.getByLabel("Run details");
    // Live progress: the run is seen running with part of its work done, then succeeding.
    await page.getByTestId("run-row").first().filter({ hasText: "running" }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="run-row"] progress');
      return bar !== null && bar.value > 0 && bar.value < 1;
    }, null, { timeout: 120_000 });
    await detail.getByText(/Produced model v2/).waitFor({ timeout: 300_000 });
    expect(await detail.getByLabel("Validation F1 by epoch").locator("polyline").count()).toBeGreaterThan(0);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/admin-run.png" });

    await page.getByRole("button", { name: "Models" }).click();
    await page.getByRole("row", { name: /^v2/ }).getByRole("button", { name: "Compare" }).click();
    const gates = page.getByLabel("Gates");
    await gates.getByText("parity").waitFor({ timeout: 120_000 });
    expect(await gates.locator("li").count()).toBe(6);
    // The tiny run's F1 fails the stable gates: the button says so before the server would refuse it.
    expect(await page.getByRole("button", { name: "Publish to stable" }).isDisabled()).toBe(true);
    expect(await page.getByTestId("blocked-stable").textContent()).toMatch(/^Not for stable: .*F1.* failed\.$/);
    expect(await page.getByTestId("blocked-beta").count()).toBe(0);
    await page.getByLabel("Reason").fill("field trial of the retrained model");
    await page.getByRole("button", { name: "Publish to beta" }).click();
    await page.getByRole("status").filter({ hasText: "v2 is now the beta model" }).waitFor();
    // The version list follows: v2 is on beta now, v1 on stable alone.
    await page.getByLabel("Model versions").getByRole("heading", { name: "fra-ner: stable v1, beta v2" }).waitFor();
    expect(await page.getByRole("row", { name: /^v2/ }).getByRole("cell").nth(4).textContent()).toBe("beta");
    await page.screenshot({ path: "test-results/admin-compare.png" });
    const manifest = (await (await fetch(`${app.url}/api/models/manifest?channel=beta`)).json()) as { payload: string };
    expect(JSON.parse(manifest.payload).models[0].version).toBe(2);

    await page.getByRole("button", { name: "Devices & log" }).click();
    await page.getByLabel("Admin log").getByText("model.publish").waitFor();
  }, 400_000); // a real training run: with another file's trainer on the same two cores it took 110 s
});
