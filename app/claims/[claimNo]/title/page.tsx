// The printable title of a granted claim (components/title/TitleDeed.tsx), for the officials of its district.
import { STATUS_LABELS, TITLE_FORMS } from "@/configs/workflow";
import { loadPrintableClaim, type PageProps } from "@/components/print/load-claim";
import { PrintNav } from "@/components/print/PrintNav";
import { TitleDeed } from "@/components/title/TitleDeed";

export const dynamic = "force-dynamic";

export default async function TitlePage(props: PageProps) {
  const { claim, language } = await loadPrintableClaim(props);
  const granted = claim.status === "title_granted";
  return (
    <main className="print-page">
      <PrintNav stateCode={claim.stateCode} language={language} printable={granted} />
      {granted
        ? <TitleDeed claim={claim} language={language} />
        : <p role="status">Claim {claim.claimNo} has no title ({TITLE_FORMS[claim.type].annexure}) yet: it is at “{STATUS_LABELS[claim.status]}”. A title is issued once the DLC grants it.</p>}
    </main>
  );
}
