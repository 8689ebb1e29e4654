import type { Redis } from "ioredis";
import { execAll, KEYS } from "../redis.js";
import { storedActor } from "../audit/stream.js";
import { bishkekIso, bishkekMonthStart } from "./bishkek-time.js";
import { PLACE_TYPES, REGIONS, type PlaceType, type Region } from "./model.js";
import { STATUSES, type Status } from "./statuses.js";
import { INDEX, monthOf } from "./case-index.js";

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

/** The last `count` Bishkek months up to `now`'s, oldest first, each with the moment it begins. */
function lastMonths(now: number, count: number) {
  const iso = bishkekIso(now);
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1];
  return Array.from({ length: count }, (_, index) => {
    const shift = index - count + 1;
    const from = bishkekMonthStart(year, month + shift);
    const local = bishkekIso(from);
    return { year: Number(local.slice(0, 4)), month: Number(local.slice(5, 7)), from };
  });
}

const countsOf = <K extends string>(keys: readonly K[], counts: number[]) =>
  Object.fromEntries(keys.map((key, index) => [key, counts[index] ?? 0])) as Record<K, number>;

/** The cases acted on and the median of their hours to a first action, from how many took each number of hours. */
function firstActions(counted: Record<string, string>): CaseStats["firstAction"] {
  const hours = Object.entries(counted).map(([hour, count]) => [Number(hour), Number(count)] as const).sort(([a], [b]) => a - b);
  const cases = hours.reduce((sum, [, count]) => sum + count, 0);
  if (cases === 0) return undefined;
  // The hour at a rank (from 0) in the sorted list; the median is the middle one, or the mean of the middle two.
  const at = (rank: number) => {
    let seen = 0;
    for (const [hour, count] of hours) if ((seen += count) > rank) return hour;
    return hours.at(-1)![0];
  };
  return { cases, medianHours: (at(Math.floor((cases - 1) / 2)) + at(Math.floor(cases / 2))) / 2 };
}

export async function readStats(redis: Redis, now: number): Promise<CaseStats> {
  const months = lastMonths(now, STATS_MONTHS);
  // One transaction, so the counts are of one moment and add up.
  const batch = redis.multi().hgetall(KEYS.firstAction).hmget(KEYS.caseMonths, ...months.map(({ from }) => monthOf(from))).get(KEYS.caseCount).bitcount(INDEX.urgent);
  for (const status of STATUSES) batch.bitcount(INDEX.status(status));
  for (const region of REGIONS) batch.bitcount(INDEX.region(region));
  for (const place of PLACE_TYPES) batch.bitcount(INDEX.place(place));
  const [acted, monthCounts, ...counts] = await execAll(batch);
  const [total = 0, urgent = 0, ...rest] = counts.map(Number);
  const take = (length: number) => rest.splice(0, length);
  const stats: CaseStats = {
    total,
    urgent,
    byStatus: countsOf(STATUSES, take(STATUSES.length)),
    byRegion: countsOf(REGIONS, take(REGIONS.length)),
    byPlace: countsOf(PLACE_TYPES, take(PLACE_TYPES.length)),
    byMonth: months.map(({ year, month }, index) => ({ year, month, count: Number((monthCounts as Array<string | null>)[index] ?? 0) })),
  };
  const firstAction = firstActions(acted as Record<string, string>);
  if (firstAction) stats.firstAction = firstAction;
  return stats;
}

/** A look at the statistics in the audit stream, in the shape of the store's entries. */
export async function logStats(redis: Redis, actor: string): Promise<void> {
  await redis.xadd(KEYS.audit, "*", "action", "stats", "actor", storedActor(actor));
}
