// What a printable page of a claim (its title, its rejection notice) starts from: the signed-in user, the
// claim in their districts, and the language asked for. Another district's claim, a malformed number or
// a language the app has no text in is a 404, as a missing claim is everywhere else.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { claimNoSchema } from "@/configs/contracts/claims";
import { readServerEnv } from "@/configs/server";
import { sessionFromCookies } from "@/server/auth/session";
import { getDatabase } from "@/server/db";
import { getClaim, type ClaimDetail } from "@/server/services/claims";
import { DomainError } from "@/server/services/errors";
import { PRINT_LANGUAGES, type PrintLanguage } from "./print-languages";

export type PageProps = { params: Promise<{ claimNo: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function loadPrintableClaim({ params, searchParams }: PageProps): Promise<{ claim: ClaimDetail; language: PrintLanguage }> {
  const { db } = await getDatabase();
  const { user } = await sessionFromCookies(db, (await headers()).get("cookie"), readServerEnv().FRA_SESSION_DAYS);
  if (!user) redirect("/login");
  const claimNo = claimNoSchema.safeParse((await params).claimNo);
  const language = z.enum(PRINT_LANGUAGES).default("en").safeParse((await searchParams).lang);
  if (!claimNo.success || !language.success) notFound();
  const claim = await getClaim(db, user, { claimNo: claimNo.data }).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return { claim, language: language.data };
}
