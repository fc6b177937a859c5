// A claim's pages as one text for the model: page texts in page order with a blank line between them,
// and where each page's text sits in the whole, so spans map back to a page and its words.
import type { Extraction, PageRecord } from "@/workers/db/field-db";

export const PAGE_BREAK = "\n\n";

export function joinPages(pages: readonly Pick<PageRecord, "id" | "index" | "ocr">[]): Pick<Extraction, "text" | "pageOffsets"> {
  let text = "";
  const pageOffsets: Extraction["pageOffsets"] = [];
  for (const page of [...pages].sort((a, b) => a.index - b.index)) {
    if (page.ocr.state !== "done") continue;
    if (text) text += PAGE_BREAK;
    const body = page.ocr.text.replace(/\s+$/, "");
    pageOffsets.push({ pageId: page.id, start: text.length, end: text.length + body.length });
    text += body;
  }
  return { text, pageOffsets };
}

/** The page a span of the joined text falls on, with the span in that page's own offsets. */
export function spanOnPage(offsets: Extraction["pageOffsets"], start: number, end: number): { pageId: string; start: number; end: number } | null {
  const page = offsets.find((p) => start >= p.start && start < p.end);
  return page ? { pageId: page.pageId, start: start - page.start, end: Math.min(end, page.end) - page.start } : null;
}

/** The page itself that a span of the joined text falls on, with the span in that page's own offsets. */
export function pageOfSpan<P extends { id: string }>(offsets: Extraction["pageOffsets"], pages: readonly P[], start: number, end: number): { page: P; start: number; end: number } | null {
  const located = spanOnPage(offsets, start, end);
  const page = located && pages.find((p) => p.id === located.pageId);
  return page ? { page, start: located.start, end: located.end } : null;
}
