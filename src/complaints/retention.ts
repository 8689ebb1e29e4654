import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS } from "../redis.js";
import type { CaseSecret } from "./model.js";
import { MARK_WARNED, PURGE } from "./scripts.js";
import { encodeEvent } from "./events.js";
import { CONTENT, ownListOf, readContent } from "./store.js";
import { RETENTION } from "./case-index.js";

/** Admins are warned this long before a closed case's personal data is deleted. */
export const WARN_DAYS = 14;
/** How much longer one «Keep longer» keeps it. */
export const EXTENSION_DAYS = 90;

const DAY = 24 * 3_600_000;

/**
 * Closed cases whose personal data is deleted within WARN_DAYS and that no admin has been warned of yet,
 * with the time of deletion. Mark them with markWarned once an admin has the warning (an extension clears
 * the mark), so a warning that reached nobody is made again the next day.
 */
export async function dueForWarning(redis: Redis, now: number): Promise<Array<{ code: string; retainUntil: number }>> {
  const entries = await redis.zrangebyscore(RETENTION, "-inf", now + WARN_DAYS * DAY, "WITHSCORES");
  const codes = entries.filter((_, index) => index % 2 === 0);
  const warned = await Promise.all(codes.map((code) => redis.hexists(KEYS.case + code, "retentionWarned")));
  return codes.flatMap((code, index) => (warned[index] ? [] : [{ code, retainUntil: Number(entries[index * 2 + 1]) }]));
}

/** The admins have been warned of these cases' deletion. */
export async function markWarned(redis: Redis, codes: string[], now: number): Promise<void> {
  if (codes.length > 0) await MARK_WARNED(redis, codes.map((code) => KEYS.case + code), [now]);
}

/**
 * Deletes the personal data of every closed case whose time has come (see PURGE: the statistics stay).
 * Returns the codes done. A case reopened or extended meanwhile is left alone by the script itself.
 */
export async function purgeDue(redis: Redis, cipher: Cipher, now: number): Promise<string[]> {
  const codes = await redis.zrangebyscore(RETENTION, "-inf", now);
  const purged: string[] = [];
  for (const code of codes) {
    const key = KEYS.case + code;
    const sealed = await readContent(redis, code);
    // Cases sent before the owner was kept in the content cannot be found in the reporter's own list.
    let owner: string | undefined;
    try {
      owner = sealed ? (JSON.parse(cipher.decrypt(sealed)) as CaseSecret).owner : undefined;
    } catch {
      owner = undefined; // sealed with a key no longer configured: the content is deleted all the same
    }
    const event = encodeEvent({ action: "purged", actor: "retention", at: now });
    const own = owner ? ownListOf(owner) : { key, field: "" };
    const keys = [key, `${key}:additions`, `${key}:events`, RETENTION, KEYS.audit, own.key, key + CONTENT];
    if ((await PURGE(redis, keys, [code, now, event, own.field])) === 1) purged.push(code);
  }
  return purged;
}
