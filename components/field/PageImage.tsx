"use client";
// A stored page photo with rectangles drawn over it (the words a field was read from).
import { useEffect, useRef, useState } from "react";
import type { PageRecord } from "@/workers/db/field-db";
import type { Rect } from "@/workers/ocr/words";

export function PageImage({ page, rects }: { page: PageRecord; rects: readonly Rect[] }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(page.image);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [page.image]);
  // A field's words may lie below the fold of a tall page: bring the first of them into view.
  const firstRect = useRef<SVGRectElement>(null);
  // Only the page's own frame scrolls, so the field being typed in stays where it is.
  useEffect(() => {
    const rect = firstRect.current;
    const frame = rect?.closest<HTMLElement>(".page-image");
    if (!rect || !frame) return;
    const [r, f] = [rect.getBoundingClientRect(), frame.getBoundingClientRect()];
    frame.scrollTo({ top: frame.scrollTop + r.top - f.top - f.height / 2, behavior: "smooth" });
  }, [rects]);
  return (
    <div className="page-image">
      {/* The overlay sizes to the whole image, not to the scrolling frame around it. */}
      <div className="page-image-sheet">
        {url && <img src={url} alt={`Page ${page.index}`} />}
        <svg viewBox={`0 0 ${page.width} ${page.height}`} preserveAspectRatio="none" aria-hidden>
          {rects.map((r, i) => (
            <rect key={i} ref={i === 0 ? firstRect : undefined} x={r.x - 4} y={r.y - 4} width={r.width + 8} height={r.height + 8} className="highlight" data-testid="highlight" />
          ))}
        </svg>
      </div>
    </div>
  );
}
