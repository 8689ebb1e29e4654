import type { Redis } from "ioredis";
import { KEYS } from "../redis.js";
import { compareIds, idAfter } from "./stream.js";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Removes audit entries older than `keepDays`, but never one that has not gone out in an export: the cut
 * is the earlier of the age limit and the entry after the last one exported. Returns how many went.
 */
export async function trimAudit(redis: Redis, now: number, keepDays: number): Promise<number> {
  const exported = await redis.get(KEYS.auditExported);
  if (!exported) return 0;
  const byAge = `${Math.max(0, now - keepDays * DAY_MS)}-0`;
  const afterExported = idAfter(exported);
  return redis.xtrim(KEYS.audit, "MINID", compareIds(byAge, afterExported) < 0 ? byAge : afterExported);
}
