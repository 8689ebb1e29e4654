import { numberSubscribers } from "./news/subscribers.js";
import type { Redis } from "ioredis";
import { compressedToBytes, type Cipher } from "./crypto.js";
import type { Logger } from "./logger.js";
import { compactPinHash } from "./complaints/codes.js";
import { randomUUID } from "node:crypto";
import { setTimeout } from "node:timers/promises";
import { CONTENT, ownList } from "./complaints/store.js";
import { caseCount, CODE_WIDTH, codesFrom, INDEX, monthOf } from "./complaints/case-index.js";
import { MOVE_OWN_SET, NUMBER_CASE } from "./complaints/scripts.js";
import { KEYS, luaScript } from "./redis.js";

async function* rawIdKeys(redis: Redis, prefix: string) {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      const id = key.slice(prefix.length);
      if (/^\d+$/.test(id)) yield { key, id };
    }
  } while (cursor !== "0");
}

/**
 * Earlier versions named sessions, drafts and chat trails by the Telegram id, and a session could hold the
 * chat id of an open form. They are renamed to the person's pseudonym, without the chat id. Old drafts are
 * dropped: the form's flow changed with this version, so they could not be replayed anyway.
 */
export async function nameKeysByPseudonym(redis: Redis, cipher: Cipher, logger: Logger): Promise<number> {
  let moved = 0;
  for await (const { key, id } of rawIdKeys(redis, KEYS.session)) {
    const [value, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
    if (value === null) continue;
    const { formChat: _dropped, ...session } = JSON.parse(value) as Record<string, unknown>;
    const target = KEYS.session + cipher.pseudonym(id);
    await redis.multi().set(target, JSON.stringify(session), "PX", ttl > 0 ? ttl : 1000, "NX").del(key).exec();
    moved++;
  }
  for await (const { key, id } of rawIdKeys(redis, KEYS.trail)) {
    await redis.renamenx(key, KEYS.trail + cipher.pseudonym(id));
    await redis.del(key);
    moved++;
  }
  for await (const { key } of rawIdKeys(redis, KEYS.conversation)) {
    await redis.del(key);
    moved++;
  }
  if (moved > 0) logger.info({ moved }, "renamed keys named by Telegram ids to pseudonyms");
  return moved;
}

const INDEXED = `${KEYS.casesBy}version`;
/**
 * 2: cases not yet acted on are in the «awaiting action» index too. 3: cases closed before retention existed
 * wait for deletion too, counted from the later of their last change and this start. 4: every case has a
 * number, and the list's indexes are bitmaps over the numbers (case-index.ts), the months counted; the
 * cases awaiting deletion are a bitmap too, their times in their hashes. 5: the deadline sets hold case
 * numbers, not codes (builds of version 4 wrote codes in `cases:by:new`, and kept `cases:by:awaiting-action`).
 */
const INDEX_VERSION = "5";

// The deadline sets by case number: a code in `cases:by:new` becomes its number, and the earlier set of
// cases awaiting action, by code, goes into the one by number. KEYS: new cases, awaiting action, the
// earlier awaiting action. ARGV: prefix of case keys.
const DEADLINES_BY_NUMBER = luaScript(`
local function byNumber(from, to)
  local entries = redis.call("ZRANGE", from, 0, -1, "WITHSCORES")
  for i = 1, #entries, 2 do
    if not tonumber(entries[i]) then
      local n = redis.call("HGET", ARGV[1] .. entries[i], "n")
      redis.call("ZREM", from, entries[i])
      if n then redis.call("ZADD", to, entries[i + 1], n) end
    end
  end
end
byNumber(KEYS[1], KEYS[1])
byNumber(KEYS[3], KEYS[2])
redis.call("DEL", KEYS[3])
`);
/** Earlier versions' sorted set of every case code by the hour sent, and their sorted sets per field. */
const LEGACY_CASES = "cases";
const LEGACY_INDEXES = ["status:*", "region:*", "place:*", "assignee:*", "urgent", "retention", "tmp:*"].map((pattern) => KEYS.casesBy + pattern);

async function deleteMatching(redis: Redis, patterns: string[]): Promise<void> {
  for (const match of patterns) {
    for await (const keys of redis.scanStream({ match, count: 500 })) if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
}

// Numbers one case an earlier version wrote and indexes it (NUMBER_CASE), all at once like SUBMIT, and not
// again for a case that has its number. So the migration can stop anywhere and run again, and a case an
// older process writes during an upgrade is numbered at the next start.
// KEYS: case, count, codes, months, new cases, awaiting action. ARGV: code, hour sent, its month, the time
// a closed case without one keeps its personal data until.
const NUMBER = luaScript<number>(`${NUMBER_CASE}
if redis.call("HEXISTS", KEYS[1], "n") == 1 or redis.call("HEXISTS", KEYS[1], "status") == 0 then return 0 end
if #ARGV[1] ~= ${CODE_WIDTH} then return redis.error_reply("case " .. ARGV[1] .. " has a code that is not ${CODE_WIDTH} characters") end
numberCase(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], { count = KEYS[2], codes = KEYS[3], months = KEYS[4], fresh = KEYS[5], awaiting = KEYS[6] })
return 1
`);

/**
 * Numbers the cases an earlier version wrote (in the order sent) and indexes them, then drops that version's
 * sorted sets; a marker says it is done. New cases and every move keep the indexes up to date after that.
 * Cases an older process still writes during an upgrade go to the earlier sorted set: found there at the
 * next start, they are numbered then.
 */
export async function indexCases(redis: Redis, logger: Logger, retentionDays: number): Promise<number> {
  const upgraded = (await redis.get(INDEXED)) === INDEX_VERSION;
  if (upgraded && !(await redis.exists(LEGACY_CASES))) return 0;
  // Cases closed before retention existed are kept from the later of their last change and this start.
  const keepUntil = (updatedAt?: string | null) => Math.max(Number(updatedAt ?? 0), Date.now()) + retentionDays * 24 * 3_600_000;
  const entries = await redis.zrange(LEGACY_CASES, "0", "-1", "WITHSCORES");
  let numbered = 0;
  for (let start = 0; start < entries.length; start += 1000) {
    const chunk = entries.slice(start, start + 1000);
    const codes = chunk.filter((_, index) => index % 2 === 0);
    const updated = await Promise.all(codes.map((code) => redis.hget(KEYS.case + code, "updatedAt")));
    // One after another, so the numbers follow the order sent.
    for (const [index, code] of codes.entries()) {
      const hour = chunk[index * 2 + 1]!;
      const keys = [KEYS.case + code, KEYS.caseCount, KEYS.caseCodes, KEYS.caseMonths, INDEX.fresh, INDEX.awaitingAction];
      numbered += await NUMBER(redis, keys, [code, hour, monthOf(Number(hour)), keepUntil(updated[index])]);
    }
  }
  await DEADLINES_BY_NUMBER(redis, [INDEX.fresh, INDEX.awaitingAction, `${KEYS.casesBy}awaiting-action`], [KEYS.case]);
  await redis.set(INDEXED, INDEX_VERSION);
  await deleteMatching(redis, LEGACY_INDEXES);
  await redis.del(LEGACY_CASES);
  if (numbered > 0 && upgraded) logger.warn({ indexed: numbered }, "numbered cases that a process of an earlier version wrote after the upgrade: stop such processes");
  else if (numbered > 0) logger.info({ indexed: numbered }, "numbered the cases and built the case list's indexes");
  return numbered;
}

const LOCK = KEYS.migrationsLock;
// The lock is held for LOCK_MS and renewed while the migrations run, so one whose process died is free
// again within LOCK_MS.
const LOCK_MS = 30_000;
// Renews or releases the lock only if it is still this process's. KEYS: the lock. ARGV: token, ms (0: release).
const HOLD = luaScript(`
if redis.call("GET", KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == "0" then redis.call("DEL", KEYS[1]) else redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
return 1
`);

/**
 * Runs the migrations of earlier versions' data, one process at a time: several processes started
 * together wait for the first, then find the markers set and have nothing to do.
 */
export async function migrate(redis: Redis, cipher: Cipher, logger: Logger, retentionDays: number): Promise<void> {
  const token = randomUUID();
  let waited = false;
  while ((await redis.set(LOCK, token, "PX", LOCK_MS, "NX")) !== "OK") {
    if (!waited) logger.info("waiting for another process to finish migrating the data");
    waited = true;
    await setTimeout(250);
  }
  // Every step is safe to run twice at once, so a lock lost meanwhile (Redis unreachable for LOCK_MS) costs
  // only the waiting it was for; it is said in the log.
  const renew = async () => {
    if ((await HOLD(redis, [LOCK], [token, LOCK_MS]).catch(() => 0)) === 0) logger.warn("lost the lock on migrating the data; another process may be migrating too");
  };
  const renewal = setInterval(() => void renew(), LOCK_MS / 3);
  try {
    await nameKeysByPseudonym(redis, cipher, logger);
    const numbered = await numberSubscribers(redis);
    if (numbered > 0) logger.info({ subscribers: numbered }, "numbered the news subscribers of an earlier build");
    const indexedBefore = (await redis.get(INDEXED)) === INDEX_VERSION;
    const casesNumbered = await indexCases(redis, logger, retentionDays);
    await layOutCases(redis, logger, indexedBefore && casesNumbered > 0);
  } finally {
    clearInterval(renewal);
    await HOLD(redis, [LOCK], [token, 0]);
  }
}

const LAID_OUT = `${KEYS.casesBy}layout`;
const LAYOUT_VERSION = 6;

// Earlier versions' sorted set of codes by hours to a first action, folded into counts per hour, at once.
// KEYS: the set, the counts.
const FOLD_FIRST_ACTIONS = luaScript(`
local entries = redis.call("ZRANGE", KEYS[1], 0, -1, "WITHSCORES")
for i = 2, #entries, 2 do redis.call("HINCRBY", KEYS[2], entries[i], 1) end
redis.call("DEL", KEYS[1])
`);

// Each case's content goes to its own key and the hash is written anew, since Redis never gives a hash
// back its compact form once a long value made it a hash table. The content of a case withdrawn or deleted
// by a process of an earlier version, which knew nothing of the content's key, is deleted. KEYS: pairs of
// case and content. ARGV: pairs of the case's PIN hash as read and its compact form ("" to leave it).
const RELAY = luaScript(`
for i = 1, #KEYS, 2 do
  local status = redis.call("HGET", KEYS[i], "status")
  if status == "withdrawn" or redis.call("HEXISTS", KEYS[i], "purgedAt") == 1 then
    redis.call("DEL", KEYS[i + 1])
    redis.call("HDEL", KEYS[i], "secret")
  end
  local fields = redis.call("HGETALL", KEYS[i])
  if #fields > 0 then
    local kept = {}
    for f = 1, #fields, 2 do
      local name, value = fields[f], fields[f + 1]
      if name == "secret" then
        redis.call("SET", KEYS[i + 1], value)
      else
        if name == "pinHash" and value == ARGV[i] and ARGV[i + 1] ~= "" then value = ARGV[i + 1] end
        kept[#kept + 1] = name
        kept[#kept + 1] = value
      end
    end
    redis.call("DEL", KEYS[i])
    redis.call("HSET", KEYS[i], unpack(kept))
  end
end
`);

// Replaces a value only if it is still the one read (a withdrawal meanwhile must not bring it back). KEYS:
// the keys. ARGV: pairs of the value read and its replacement.
const REPLACE = luaScript(`
for i = 1, #KEYS do
  if redis.call("GET", KEYS[i]) == ARGV[2 * i - 1] then redis.call("SET", KEYS[i], ARGV[2 * i]) end
end
`);

/**
 * Layout 2: a case's content is in a key of its own (`case:<code>:content`), and its PIN hash is 64
 * characters, so the case's hash keeps Redis's compact form (about 1,100 bytes less a case). Layout 3: a
 * compressed content is kept as raw bytes, not base64 text (a quarter less; it is not opened for this).
 * Layout 4: no content is left for a case withdrawn or deleted by a process of an earlier version.
 * Layout 5: a reporter's own list is a field of a shared hash, not a set of its own (KEYS.owners).
 * Layout 6: the hours to a first action are counted per hour, not kept per case (KEYS.firstAction).
 * Cases written before are laid out anew, once per layout; a marker says which is done.
 */
export async function layOutCases(redis: Redis, logger: Logger, olderWrote = false): Promise<number> {
  // What a process of an earlier version wrote after the upgrade (see indexCases) is laid out again: its
  // reporters' lists and first actions; the rest it writes as layout 4, which is still read.
  const done = olderWrote ? Math.min(4, Number((await redis.get(LAID_OUT)) ?? 0)) : Number((await redis.get(LAID_OUT)) ?? 0);
  if (done >= LAYOUT_VERSION) return 0;
  const codes = done >= 4 ? [] : await codesFrom(redis, 0, await caseCount(redis));
  for (let start = 0; start < codes.length; start += 500) {
    const chunk = codes.slice(start, start + 500);
    const pins = await Promise.all(chunk.map((code) => redis.hget(KEYS.case + code, "pinHash")));
    const keys = chunk.flatMap((code) => [KEYS.case + code, KEYS.case + code + CONTENT]);
    const args = pins.flatMap((pin) => {
      const compact = pin ? compactPinHash(pin) : "";
      return [pin ?? "", compact === pin ? "" : compact];
    });
    await RELAY(redis, keys, args);
    const contents = chunk.map((code) => KEYS.case + code + CONTENT);
    const texts = await redis.mget(...contents);
    const changes = contents.flatMap((key, index) => {
      const text = texts[index];
      const bytes = text ? compressedToBytes(text) : undefined;
      return bytes !== undefined && bytes !== text ? [{ key, text: text!, bytes }] : [];
    });
    if (changes.length > 0) await REPLACE(redis, changes.map((change) => change.key), changes.flatMap((change) => [change.text, change.bytes]));
  }
  let lists = 0;
  for await (const key of redis.scanStream({ match: `${KEYS.ownCases}*`, count: 500 })) {
    for (const set of key as string[]) {
      const own = ownList(set.slice(KEYS.ownCases.length));
      await MOVE_OWN_SET(redis, [set, own.key], [own.field]);
      lists++;
    }
  }
  if (done < 6) await FOLD_FIRST_ACTIONS(redis, ["cases:first-action", KEYS.firstAction], []);
  await redis.set(LAID_OUT, LAYOUT_VERSION);
  if (codes.length > 0) logger.info({ cases: codes.length }, "laid out earlier cases anew: content in its own key as bytes, compact PIN hash");
  if (lists > 0) logger.info({ lists }, "moved reporters' own lists into the shared hashes");
  return codes.length + lists;
}
