import type { Redis } from "ioredis";
import { execAll, KEYS } from "../redis.js";
import { bishkekIso, bishkekMonthStart } from "./bishkek-time.js";
import { PLACE_TYPES, REGIONS, type PlaceType, type Region } from "./model.js";
import { STATUSES, type Status } from "./statuses.js";
import { INDEX } from "./store.js";

const STATS_MONTHS = 12;

/** A Bishkek calendar month: its year, its number (1–12) and the cases sent in it. */
export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

/** Counts only, read from the list's indexes: no case is read, nothing is decrypted. */
export interface CaseStats {
  total: number;
  urgent: number;
  byStatus: Record<Status, number>;
  byRegion: Record<Region, number>;
  byPlace: Record<PlaceType, number>;
  /** The last STATS_MONTHS months, oldest first, the current one last (so far). */
  byMonth: MonthCount[];
  /** Hours from sending to a case's first action: the median, over the cases acted on; none yet, undefined. */
  firstAction?: { cases: number; medianHours: number };
}

/** The last `count` Bishkek months up to `now`'s, oldest first, each with the moments it begins and ends. */
function lastMonths(now: number, count: number) {
  const iso = bishkekIso(now);
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1];
  return Array.from({ length: count }, (_, index) => {
    const shift = index - count + 1;
    const from = bishkekMonthStart(year, month + shift);
    const local = bishkekIso(from);
    return { year: Number(local.slice(0, 4)), month: Number(local.slice(5, 7)), from, to: bishkekMonthStart(year, month + shift + 1) };
  });
}

const countsOf = <K extends string>(keys: readonly K[], counts: number[]) =>
  Object.fromEntries(keys.map((key, index) => [key, counts[index] ?? 0])) as Record<K, number>;

async function medianHours(redis: Redis, cases: number): Promise<number> {
  const [low, high] = [Math.floor((cases - 1) / 2), Math.floor(cases / 2)];
  const scores = (await redis.zrange(KEYS.firstAction, String(low), String(high), "WITHSCORES")).filter((_, index) => index % 2 === 1);
  return scores.reduce((sum, score) => sum + Number(score), 0) / scores.length;
}

export async function readStats(redis: Redis, now: number): Promise<CaseStats> {
  const months = lastMonths(now, STATS_MONTHS);
  // One transaction, so the counts are of one moment and add up.
  const batch = redis.multi().zcard(KEYS.cases).zcard(INDEX.urgent).zcard(KEYS.firstAction);
  for (const status of STATUSES) batch.zcard(INDEX.status(status));
  for (const region of REGIONS) batch.zcard(INDEX.region(region));
  for (const place of PLACE_TYPES) batch.zcard(INDEX.place(place));
  // Scores are the sending hour, and a Bishkek month begins on the hour: the end is left out.
  for (const { from, to } of months) batch.zcount(KEYS.cases, from, `(${to}`);
  const counts = (await execAll(batch)).map(Number);
  const [total = 0, urgent = 0, acted = 0, ...rest] = counts;
  const take = (length: number) => rest.splice(0, length);
  const stats: CaseStats = {
    total,
    urgent,
    byStatus: countsOf(STATUSES, take(STATUSES.length)),
    byRegion: countsOf(REGIONS, take(REGIONS.length)),
    byPlace: countsOf(PLACE_TYPES, take(PLACE_TYPES.length)),
    byMonth: months.map(({ year, month }) => ({ year, month, count: take(1)[0] ?? 0 })),
  };
  if (acted > 0) stats.firstAction = { cases: acted, medianHours: await medianHours(redis, acted) };
  return stats;
}

/** A look at the statistics in the audit stream, in the shape of the store's entries. */
export async function logStats(redis: Redis, actor: string): Promise<void> {
  await redis.xadd(KEYS.audit, "*", "action", "stats", "actor", actor);
}
