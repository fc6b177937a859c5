"use client";
// Under an admin table: what its emptiness means and what fills it, once its query has answered with no rows
// (not while it loads, so that it never flashes by).
import type { ReactNode } from "react";

export function EmptyNote({ rows, children }: { rows: readonly unknown[] | undefined; children: ReactNode }) {
  return rows?.length === 0 ? <p className="muted">{children}</p> : null;
}
