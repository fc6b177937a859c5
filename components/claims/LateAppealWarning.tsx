// An appeal chosen after the claimant's window has closed: still recorded (the committee may condone the
// delay), but the user is told first, on the review map and on the tablet alike.
import type { AppealWindow } from "@/configs/workflow";
import { appealWindowText } from "./appeal-window-text";

/** Shown while the step chosen is an appeal and the claim's appeal window (if any) has closed. */
export function LateAppealWarning({ action, appeal }: { action: string; appeal: AppealWindow | null | undefined }) {
  if (action !== "file_appeal" || !appeal || appeal.daysLeft >= 0) return null;
  return (
    <p className="warning" role="note">
      This appeal is late: the {appealWindowText(appeal)}. It can still be recorded; the committee decides whether to hear it. Give the
      reason for the delay.
    </p>
  );
}
