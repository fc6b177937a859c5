import { STATUS_COLORS, STATUS_LABELS, type ClaimStatus } from "@/configs/workflow";

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className="status" style={{ background: STATUS_COLORS[status] }}>{STATUS_LABELS[status]}</span>;
}
