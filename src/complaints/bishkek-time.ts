// Kyrgyzstan keeps UTC+6 all year (no daylight saving), so Bishkek time is a fixed shift of UTC.
const OFFSET_MS = 6 * 3600 * 1000;

/** An ISO timestamp whose date and clock read as Bishkek time (the "Z" is not meant literally). */
export const bishkekIso = (ms: number) => new Date(ms + OFFSET_MS).toISOString();

/** When a Bishkek calendar month begins; months past 11 or below 0 run on into the next or earlier years. */
export const bishkekMonthStart = (year: number, month: number) => Date.UTC(year, month, 1) - OFFSET_MS;
