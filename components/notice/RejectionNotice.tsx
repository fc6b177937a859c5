// The notice that tells a claimant, in writing, that a committee rejected their claim, why, and how to
// appeal (the domain brief, step 6): the last rejection in the claim's audit trail, its reason as recorded.
// Rendered on the server; it changes nothing. Below a cut line, a slip the claimant signs on receipt.
import { BothScripts } from "@/components/print/BothScripts";
import { printedDate, type PrintLanguage } from "@/components/print/print-languages";
import { TITLE_TEXT } from "@/components/title/title-text";
import { nameLanguageTagOf } from "@/configs/field";
import { REJECTED_STATUSES } from "@/configs/workflow";
import type { ClaimDetail } from "@/server/services/claims";
import { NOTICE_TEXT, type RejectingCommittee } from "./notice-text";

const COMMITTEE_OF_ACTION: Record<string, RejectingCommittee> = { sdlc_reject: "sdlc", dlc_reject: "dlc" };

/** The claim's last rejection, while the claim stands rejected; null otherwise. */
export function lastRejection(claim: ClaimDetail): { committee: RejectingCommittee; at: string; reason: string } | null {
  if (!REJECTED_STATUSES.includes(claim.status)) return null;
  const entry = claim.history.findLast((h) => h.action in COMMITTEE_OF_ACTION);
  return entry ? { committee: COMMITTEE_OF_ACTION[entry.action]!, at: entry.at, reason: entry.reason } : null;
}

export function RejectionNotice({ claim, language }: { claim: ClaimDetail; language: PrintLanguage }) {
  const rejection = lastRejection(claim);
  if (!rejection) return null;
  const text = NOTICE_TEXT[language];
  const labels = TITLE_TEXT[language];
  const english = language === "en";
  const localTag = nameLanguageTagOf(claim.stateCode);
  const both = (latin: string, local: string) => <BothScripts latin={latin} local={local} english={english} localTag={localTag} />;
  const committee = text.committees[rejection.committee];
  const claimant = claim.type === "IFR" ? both(claim.claimantName, claim.claimantNameLocal) : <>{claim.community ?? claim.claimantName}</>;
  return (
    <article className="print-doc notice" lang={language} aria-label={text.heading}>
      <header>
        <h1>{text.heading}</h1>
        <p>{committee}, {both(claim.district.name, claim.district.nameLocal)}</p>
        <p className="refs">{text.claimNo} {claim.claimNo} · {text.kinds[claim.type]} · {text.filedOn(printedDate(claim.filedOn, language))}</p>
      </header>
      <section className="notice-to">
        <p>{text.to}:</p>
        <p className="notice-claimant">{claimant}</p>
        <p>{labels.village}: {both(claim.village.name, claim.village.nameLocal)} ({labels.censusCode} {claim.village.censusCode}) · {labels.gramPanchayat}: {claim.village.gramPanchayat}</p>
        <p>{labels.tehsil}: {both(claim.tehsil, claim.tehsilLocal)} · {labels.district}: {both(claim.district.name, claim.district.nameLocal)}</p>
      </section>
      <p>{text.decided(committee, printedDate(rejection.at, language))}</p>
      <h2>{text.reasons}</h2>
      <blockquote className="notice-reason">{rejection.reason}</blockquote>
      <p className="notice-appeal">{text.appeal[rejection.committee]}</p>
      <p>{text.help}</p>
      <div className="signatures notice-signature">
        <div><div className="line" /><div>{text.chair[rejection.committee]}</div><div className="muted">{labels.signature}</div></div>
      </div>
      <footer className="notice-receipt">
        <p>{text.claimNo} {claim.claimNo}</p>
        <p>{text.received} <span className="blank" /></p>
        <p>{text.claimantSignature}: <span className="blank" /></p>
      </footer>
    </article>
  );
}
