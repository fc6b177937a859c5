// A rejected claim's appeal window in words, for the review panel and the field tablet alike.
import { longDate } from "@/configs/india-day";
import type { AppealWindow } from "@/configs/workflow";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The window in words: open until its last day, or closed since. */
export function appealWindowText(w: AppealWindow): string {
  if (w.daysLeft > 0) return `appeal window open until ${longDate(w.appealBy)} (${days(w.daysLeft)} left)`;
  if (w.daysLeft === 0) return `appeal window closes today, ${longDate(w.appealBy)}`;
  return `appeal window closed on ${longDate(w.appealBy)} (${days(-w.daysLeft)} ago)`;
}
