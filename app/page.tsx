import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readServerEnv } from "@/configs/server";
import { ReviewApp } from "@/components/ReviewApp";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { boundarySource, myDistricts } from "@/server/services/geo";

export const dynamic = "force-dynamic";

export default async function Home() {
  const { db } = await getDatabase();
  const env = readServerEnv();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), env.FRA_SESSION_DAYS);
  if (!user) redirect("/login");
  if (user.role === "field_staff") redirect("/field");
  // Sent with the page: the map opens on the user's own districts at once, and the filter's district list
  // needs no request of its own while the first tiles load.
  const districts = await myDistricts(db, user);
  return <ReviewApp user={user} districts={districts} basemap={env.FRA_BASEMAP_URL ?? null} boundarySource={await boundarySource(db)} />;
}
