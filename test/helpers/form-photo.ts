// A "camera photo" of a filled form: the seed's SVG scan rendered by Chromium at its full size (1240 x
// 1754, about 150 dpi on A4) and saved as a JPEG, as tests and benchmarks give the field app.
import type { Page } from "playwright-core";
import { renderFormPageSvg, type FormPageData } from "@/server/db/seed/form-image";

/** A photo of any drawn form page (server/db/seed/form-image.ts). */
export async function photographPage(page: Page, svg: string): Promise<Buffer> {
  await page.setViewportSize({ width: 1240, height: 1754 });
  await page.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, "")}</body>`);
  return page.screenshot({ type: "jpeg", quality: 80 });
}

/** A photo of a filled Form A. */
export const photographForm = (page: Page, data: FormPageData): Promise<Buffer> => photographPage(page, renderFormPageSvg(data));
