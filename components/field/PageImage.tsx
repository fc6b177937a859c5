"use client";
// A stored page photo with rectangles drawn over it (the words a field was read from).
import { useEffect, useState } from "react";
import type { PageRecord } from "@/workers/db/field-db";
import type { Rect } from "@/workers/ocr/words";

export function PageImage({ page, rects }: { page: PageRecord; rects: readonly Rect[] }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(page.image);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [page.image]);
  return (
    <div className="page-image">
      {url && <img src={url} alt={`Page ${page.index}`} />}
      <svg viewBox={`0 0 ${page.width} ${page.height}`} preserveAspectRatio="none" aria-hidden>
        {rects.map((r, i) => (
          <rect key={i} x={r.x - 4} y={r.y - 4} width={r.width + 8} height={r.height + 8} className="highlight" data-testid="highlight" />
        ))}
      </svg>
    </div>
  );
}
