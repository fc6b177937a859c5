// Calendar days in India (UTC+05:30, no daylight saving), as ISO strings "YYYY-MM-DD": the days an appeal
// window is counted in, wherever the server's or the tablet's clock is set.
export const DAY_MS = 86_400_000;
export const IST_OFFSET_MS = 5.5 * 3_600_000;

/** The calendar day in India at the moment `ms`. */
export const indiaDayOf = (ms: number) => new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);

const dayNumber = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;

/** The day `days` after `isoDay` (before it, if negative). */
export const addDays = (isoDay: string, days: number) => new Date((dayNumber(isoDay) + days) * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`: negative when `to` comes first. */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

const longDates = new Map<string, string>();

/** "12 Mar 2026": an ISO day as Indian English writes it, whatever the device's time zone. Kept once
 *  written: a scheme's list words the same few days for thousands of titles, and ICU takes ~0.1 ms a call. */
export function longDate(isoDay: string): string {
  let text = longDates.get(isoDay);
  if (text === undefined) {
    text = new Date(`${isoDay}T00:00:00Z`).toLocaleDateString("en-IN", { dateStyle: "medium", timeZone: "UTC" });
    if (longDates.size < 10_000) longDates.set(isoDay, text);
  }
  return text;
}
