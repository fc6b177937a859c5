// Claim statuses in SQL: as literals, and counted by outcome (titled, rejected, pending) as the aggregate
// columns of a query over count rows, as the map's circles and the dashboard's tehsils count them.
import { sql, type SQL } from "drizzle-orm";
import { REJECTED_STATUSES, type ClaimStatus } from "@/configs/workflow";

/** Statuses as SQL literals, from the workflow's own constants: not parameters, so that a query's text stays
 *  the same each time and the planner can match a partial index's predicate. */
export const statusLiterals = (statuses: readonly ClaimStatus[]) => sql.raw(statuses.map((s) => `'${s}'`).join(", "));
const GRANTED = statusLiterals(["title_granted"]);
const REJECTED = statusLiterals(REJECTED_STATUSES);
const DISPOSED = statusLiterals(["title_granted", ...REJECTED_STATUSES]);

/** `granted`, `rejected` and `pending`: the sums of `n` by `status`, 0 where there are none. */
export const outcomeCountColumns = (n: SQL, status: SQL) => sql`
  coalesce(sum(${n}) FILTER (WHERE ${status} IN (${GRANTED})), 0)::int AS granted,
  coalesce(sum(${n}) FILTER (WHERE ${status} IN (${REJECTED})), 0)::int AS rejected,
  coalesce(sum(${n}) FILTER (WHERE ${status} NOT IN (${DISPOSED})), 0)::int AS pending`;
