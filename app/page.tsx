import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { readServerEnv } from "@/configs/server";
import { ReviewApp } from "@/components/ReviewApp";
import { SESSION_COOKIE, validateSession } from "@/server/auth/session";
import { getDatabase } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function Home() {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const { db } = await getDatabase();
  const user = token ? await validateSession(db, token, readServerEnv().FRA_SESSION_DAYS) : null;
  if (!user) redirect("/login");
  return <ReviewApp user={user} basemapUrl={process.env.FRA_BASEMAP_URL ?? null} />;
}
