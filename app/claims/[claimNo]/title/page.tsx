// The printable title of a granted claim (components/title/TitleDeed.tsx), for the officials of its district.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { claimNoSchema } from "@/configs/contracts/claims";
import { readServerEnv } from "@/configs/server";
import { STATUS_LABELS, TITLE_FORMS } from "@/configs/workflow";
import { PrintButton } from "@/components/title/PrintButton";
import { TitleDeed } from "@/components/title/TitleDeed";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { getClaim } from "@/server/services/claims";
import { DomainError } from "@/server/services/errors";

export const dynamic = "force-dynamic";

export default async function TitlePage({ params }: { params: Promise<{ claimNo: string }> }) {
  const { db } = await getDatabase();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  if (!user) redirect("/login");
  const claimNo = claimNoSchema.safeParse((await params).claimNo);
  if (!claimNo.success) notFound();
  // Another district's claim reads as missing, as everywhere else.
  const claim = await getClaim(db, user, { claimNo: claimNo.data }).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const form = TITLE_FORMS[claim.type];
  return (
    <main className="title-page">
      <nav className="no-print"><a href="/">← Back to the map</a>{claim.status === "title_granted" && <PrintButton />}</nav>
      {claim.status === "title_granted"
        ? <TitleDeed claim={claim} />
        : <p role="status">Claim {claim.claimNo} has no title ({form.annexure}) yet: it is at “{STATUS_LABELS[claim.status]}”. A title is issued once the DLC grants it.</p>}
    </main>
  );
}
