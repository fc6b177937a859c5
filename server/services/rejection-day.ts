// The day a claim was rejected, which a notice's day of receipt cannot precede. The notice's check, the
// claim panel and the tablet's copy of the area all read it with this one expression.
import { sql } from "drizzle-orm";
import { REJECTED_STATUSES } from "@/configs/workflow";
import { statusLiterals } from "./outcome-counts";

/**
 * The India day a claim (table alias `c`) at a rejected status was rejected, as text, else NULL: its latest
 * audit entry into that status; a claim imported without history has its status's date.
 */
export const REJECTED_ON = sql`CASE WHEN c.status IN (${statusLiterals(REJECTED_STATUSES)}) THEN coalesce(
  (SELECT (t.at AT TIME ZONE 'Asia/Kolkata')::date FROM claim_transitions t
   WHERE t.claim_id = c.id AND t.to_status = c.status AND t.from_status IS DISTINCT FROM t.to_status ORDER BY t.id DESC LIMIT 1),
  (c.status_changed_at AT TIME ZONE 'Asia/Kolkata')::date)::text END`;
