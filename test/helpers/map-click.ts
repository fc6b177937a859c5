// Clicking a feature on a MapLibre map the way a user would: at the middle of the map, once the map has
// stopped, draws the feature there, and nothing (a legend, a control) covers that point.
import type { Page } from "playwright-core";

/**
 * Clicks the middle of the map held in `window[mapGlobal]` once it draws there, in one of `layers`, the
 * feature whose property `prop` is `value`. Bring the feature to the middle first (jumpTo).
 */
export async function clickMapMiddleOn(page: Page, target: { mapGlobal: string; layers: string[]; prop: string; value: string }, failureShot?: string): Promise<void> {
  const at = await page.waitForFunction(({ mapGlobal, layers, prop, value }) => {
    type M = { isMoving(): boolean; getCanvas(): HTMLCanvasElement; queryRenderedFeatures(p: [number, number], o: object): Array<{ properties: Record<string, unknown> }> };
    const m = (window as unknown as Record<string, M | undefined>)[mapGlobal];
    if (!m || m.isMoving()) return null;
    const canvas = m.getCanvas();
    const p: [number, number] = [canvas.clientWidth / 2, canvas.clientHeight / 2];
    const r = canvas.getBoundingClientRect();
    if (document.elementFromPoint(r.left + p[0], r.top + p[1]) !== canvas) return null;
    return m.queryRenderedFeatures(p, { layers }).some((f) => f.properties[prop] === value) ? { x: r.left + p[0], y: r.top + p[1] } : null;
  }, target, { timeout: 30_000, polling: 250 }).then(async (h) => (await h.jsonValue())!).catch(async (e: unknown) => {
    if (failureShot) await page.screenshot({ path: failureShot });
    throw e;
  });
  await page.mouse.click(at.x, at.y);
}
