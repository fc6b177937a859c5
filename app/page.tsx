import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readServerEnv } from "@/configs/server";
import { ReviewApp } from "@/components/ReviewApp";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { boundarySource, myDistricts, tehsilsOf } from "@/server/services/geo";

export const dynamic = "force-dynamic";

export default async function Home() {
  const { db } = await getDatabase();
  const env = readServerEnv();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), env.FRA_SESSION_DAYS);
  if (!user) redirect("/login");
  // Sent with the page: the map opens on the user's own area at once (field staff: their blocks, within
  // their districts), and the filter's district list needs no request of its own while the first tiles load.
  const districts = await myDistricts(db, user);
  const home = user.role === "field_staff" ? (await Promise.all(districts.map((d) => tehsilsOf(db, user, d.id)))).flat() : districts;
  return <ReviewApp user={user} districts={districts} home={home} basemap={env.FRA_BASEMAP_URL ?? null} boundarySource={await boundarySource(db)} />;
}
