// The printable title of a granted claim (components/title/TitleDeed.tsx), for the officials of its district.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { claimNoSchema } from "@/configs/contracts/claims";
import { readServerEnv } from "@/configs/server";
import { STATUS_LABELS, TITLE_FORMS } from "@/configs/workflow";
import { PrintButton } from "@/components/title/PrintButton";
import { TitleDeed } from "@/components/title/TitleDeed";
import { TITLE_LANGUAGE_NAMES, TITLE_LANGUAGES, titleLanguagesFor } from "@/components/title/title-text";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { getClaim } from "@/server/services/claims";
import { DomainError } from "@/server/services/errors";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TitlePage({ params, searchParams }: { params: Promise<{ claimNo: string }>; searchParams: Search }) {
  const { db } = await getDatabase();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  if (!user) redirect("/login");
  const claimNo = claimNoSchema.safeParse((await params).claimNo);
  const language = z.enum(TITLE_LANGUAGES).default("en").safeParse((await searchParams).lang);
  if (!claimNo.success || !language.success) notFound();
  // Another district's claim reads as missing, as everywhere else.
  const claim = await getClaim(db, user, { claimNo: claimNo.data }).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const form = TITLE_FORMS[claim.type];
  const granted = claim.status === "title_granted";
  const languages = titleLanguagesFor(claim.stateCode);
  return (
    <main className="title-page">
      <nav className="no-print">
        <a href="/">← Back to the map</a>
        {granted && languages.length > 1 && (
          <span className="title-languages" aria-label="Language of the title">
            {languages.map((l) => l === language.data
              ? <strong key={l} lang={l} aria-current="page">{TITLE_LANGUAGE_NAMES[l]}</strong>
              : <a key={l} lang={l} href={`?lang=${l}`}>{TITLE_LANGUAGE_NAMES[l]}</a>)}
          </span>
        )}
        {granted && <PrintButton />}
      </nav>
      {granted
        ? <TitleDeed claim={claim} language={language.data} />
        : <p role="status">Claim {claim.claimNo} has no title ({form.annexure}) yet: it is at “{STATUS_LABELS[claim.status]}”. A title is issued once the DLC grants it.</p>}
    </main>
  );
}
