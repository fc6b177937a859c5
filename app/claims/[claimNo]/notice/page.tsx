// The printable rejection notice of a rejected claim (components/notice/RejectionNotice.tsx), for the
// officials of its district to send the claimant.
import { STATUS_LABELS } from "@/configs/workflow";
import { lastRejection, RejectionNotice } from "@/components/notice/RejectionNotice";
import { loadPrintableClaim, type PageProps } from "@/components/print/load-claim";
import { PrintNav } from "@/components/print/PrintNav";

export const dynamic = "force-dynamic";

export default async function NoticePage(props: PageProps) {
  const { claim, language } = await loadPrintableClaim(props);
  const rejected = lastRejection(claim) !== null;
  return (
    <main className="print-page">
      <PrintNav stateCode={claim.stateCode} language={language} printable={rejected} />
      {rejected
        ? <RejectionNotice claim={claim} language={language} />
        : <p role="status">Claim {claim.claimNo} has no rejection to give notice of: it is at “{STATUS_LABELS[claim.status]}”.</p>}
    </main>
  );
}
