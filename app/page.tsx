import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readServerEnv } from "@/configs/server";
import { ReviewApp } from "@/components/ReviewApp";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function Home() {
  const { db } = await getDatabase();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  if (!user) redirect("/login");
  if (user.role === "field_staff") redirect("/field");
  return <ReviewApp user={user} basemapUrl={process.env.FRA_BASEMAP_URL ?? null} />;
}
