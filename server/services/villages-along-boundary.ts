// The villages a claim's mapped boundary reaches: within about 50 m of it (a shared boundary drawn twice
// never matches to the metre), its own village aside. The claim panel sets them against Form C's list;
// the demo seed writes its forms' lists from them.
import { sql, type SQL } from "drizzle-orm";

// About 50 m at India's latitudes.
export const BORDER_DEGREES = 0.0005;

/** Villages `v` along the boundary of claim `c` (both aliases in scope), for a join's condition. */
export const ALONG_BOUNDARY: SQL = sql`v.geom && ST_Expand(c.geom, ${BORDER_DEGREES}) AND ST_DWithin(v.geom, c.geom, ${BORDER_DEGREES}) AND v.id <> c.village_id`;
