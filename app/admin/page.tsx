import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AdminApp } from "@/components/admin/AdminApp";
import { readServerEnv } from "@/configs/server";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const { db } = await getDatabase();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  if (!user) redirect("/login?next=/admin");
  if (user.role !== "admin") {
    return <main className="field-splash"><h1>FRA Atlas</h1><p>The admin console is for admins. <a href="/">Back to the claims</a></p></main>;
  }
  return <AdminApp user={user} />;
}
