// Who may see which claims, as SQL. Every claim query joins this in: an official sees the districts
// assigned to them, field staff the tehsils (blocks) they work in, an admin everything.
import { sql, type SQL } from "drizzle-orm";
import type { Role } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { sqlList } from "@/server/db/client";
import { DomainError } from "./errors";

/** Condition on a table with district_id and tehsil_id columns (claims `c`, village_stats `s`). */
export function scopeCondition(user: SessionUser, alias: "c" | "s" | "v" = "c"): SQL {
  const a = sql.raw(alias);
  if (user.role === "admin") return sql`TRUE`;
  if (user.role === "district_official") {
    return user.districtIds.length ? sql`${a}.district_id IN (${sqlList(user.districtIds)})` : sql`FALSE`;
  }
  return user.tehsilIds.length ? sql`${a}.tehsil_id IN (${sqlList(user.tehsilIds)})` : sql`FALSE`;
}

export function requireRole(user: SessionUser, roles: readonly Role[]): void {
  if (!roles.includes(user.role)) {
    throw new DomainError("FORBIDDEN", `this needs the role ${roles.join(" or ")}; you are ${user.role}`);
  }
}
