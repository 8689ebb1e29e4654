// Kyrgyzstan keeps UTC+6 all year (no daylight saving), so Bishkek time is a fixed shift of UTC.
const OFFSET_MS = 6 * 3600 * 1000;

/** An ISO timestamp whose date and clock read as Bishkek time (the "Z" is not meant literally). */
export const bishkekIso = (ms: number) => new Date(ms + OFFSET_MS).toISOString();

/** When a Bishkek calendar month begins; months past 11 or below 0 run on into the next or earlier years. */
export const bishkekMonthStart = (year: number, month: number) => Date.UTC(year, month, 1) - OFFSET_MS;

/** A Bishkek date and time typed as «05.12.2026 18:00» (or 5.12.2026 9:30), as ms; undefined when it is no such time. */
export function parseBishkekTime(text: string): number | undefined {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(ms);
  // 31.02 or 25:00 roll over into another day: not a time anyone meant.
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month - 1 || hour > 23) return undefined;
  return ms - OFFSET_MS;
}
