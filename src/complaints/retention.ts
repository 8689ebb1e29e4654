import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { execAll, KEYS } from "../redis.js";
import type { CaseSecret } from "./model.js";
import { MARK_WARNED, PURGE } from "./scripts.js";
import { encodeEvent } from "./events.js";
import { CONTENT, ownListOf, readContent } from "./store.js";
import { codesOf, INDEX, numbersIn } from "./case-index.js";

/** Admins are warned this long before a closed case's personal data is deleted. */
export const WARN_DAYS = 14;
/** How much longer one «Keep longer» keeps it. */
export const EXTENSION_DAYS = 90;

const DAY = 24 * 3_600_000;

/**
 * The closed cases whose personal data awaits deletion, due by `until`, soonest first: the time, and
 * whether admins were warned. Read once a day from the bitmap of such cases and their hashes.
 */
async function retainedUntil(redis: Redis, until: number): Promise<Array<{ code: string; retainUntil: number; warned: boolean }>> {
  const codes = await codesOf(redis, await numbersIn(redis, INDEX.retained));
  const batch = redis.pipeline();
  for (const code of codes) batch.hmget(KEYS.case + code, "retainUntil", "retentionWarned");
  const fields = (await execAll(batch)) as Array<[string | null, string | null]>;
  return codes
    .flatMap((code, index) => {
      const [retainUntil, warned] = fields[index]!;
      return retainUntil && Number(retainUntil) <= until ? [{ code, retainUntil: Number(retainUntil), warned: warned !== null }] : [];
    })
    .sort((a, b) => a.retainUntil - b.retainUntil);
}

/**
 * Closed cases whose personal data is deleted within WARN_DAYS and that no admin has been warned of yet,
 * with the time of deletion. Mark them with markWarned once an admin has the warning (an extension clears
 * the mark), so a warning that reached nobody is made again the next day.
 */
export async function dueForWarning(redis: Redis, now: number): Promise<Array<{ code: string; retainUntil: number }>> {
  return (await retainedUntil(redis, now + WARN_DAYS * DAY)).flatMap(({ code, retainUntil, warned }) => (warned ? [] : [{ code, retainUntil }]));
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
  const codes = (await retainedUntil(redis, now)).map((item) => item.code);
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
    const keys = [key, `${key}:additions`, `${key}:events`, INDEX.retained, KEYS.audit, own.key, key + CONTENT];
    if ((await PURGE(redis, keys, [code, now, event, own.field])) === 1) purged.push(code);
  }
  return purged;
}
