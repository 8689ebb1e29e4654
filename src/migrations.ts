import type { Redis } from "ioredis";
import { compressedToBytes, type Cipher } from "./crypto.js";
import type { Logger } from "./logger.js";
import { compactPinHash } from "./complaints/codes.js";
import { randomUUID } from "node:crypto";
import { setTimeout } from "node:timers/promises";
import { CONTENT, ownList } from "./complaints/store.js";
import { caseCount, CODE_WIDTH, codesFrom, INDEX, monthOf } from "./complaints/case-index.js";
import { MOVE_OWN_SET } from "./complaints/scripts.js";
import { statusOf } from "./complaints/statuses.js";
import type { PlaceType, Region } from "./complaints/model.js";
import { execAll, KEYS, luaScript } from "./redis.js";

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
 * cases awaiting deletion are a bitmap too, their times in their hashes.
 */
const INDEX_VERSION = "4";
// Before deadlines existed nothing recorded a first action: a case still open and never referred, closed or
// asked for information counts as awaiting one.
const AWAITING = new Set(["new", "in-review"]);
/** Earlier versions' sorted set of every case code by the hour sent, and their sorted sets per field. */
const LEGACY_CASES = "cases";
const LEGACY_INDEXES = ["status:*", "region:*", "place:*", "assignee:*", "urgent", "retention", "tmp:*"].map((pattern) => KEYS.casesBy + pattern);

async function deleteMatching(redis: Redis, patterns: string[]): Promise<void> {
  for (const match of patterns) {
    for await (const keys of redis.scanStream({ match, count: 500 })) if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
}

/**
 * Builds the staff list's indexes anew from the cases' plain fields, once per index version (a marker says
 * which is done): the numbers (in the order sent, kept where a case has one), the bitmaps, the deadline
 * sets and the months. New cases and every move keep them up to date after that. Run before the bot
 * starts, under the migrations' lock, so nothing writes a case meanwhile.
 */
export async function indexCases(redis: Redis, logger: Logger, retentionDays: number): Promise<number> {
  const keepUntil = (updatedAt?: string | null) => Math.max(Number(updatedAt ?? 0), Date.now()) + retentionDays * 24 * 3_600_000;
  if ((await redis.get(INDEXED)) === INDEX_VERSION) return 0;
  const codes = (await redis.exists(LEGACY_CASES)) ? await redis.zrange(LEGACY_CASES, "0", "-1") : await codesFrom(redis, 0, await caseCount(redis));
  await deleteMatching(redis, [`${KEYS.caseBits}*`]);
  await redis.del(INDEX.fresh, INDEX.awaitingAction, KEYS.caseCodes);
  const months = new Map<string, number>();
  for (let start = 0; start < codes.length; start += 2000) {
    const chunk = codes.slice(start, start + 2000);
    const fields = await Promise.all(chunk.map((code) => redis.hmget(KEYS.case + code, "status", "urgent", "region", "placeType", "assignee", "createdAt", "firstActionAt", "retainUntil", "purgedAt", "updatedAt")));
    const batch = redis.pipeline();
    chunk.forEach((code, index) => {
      const n = start + index;
      const [status, urgent, region, placeType, assignee, createdAt, firstActionAt, retainUntil, purgedAt, updatedAt] = fields[index]!;
      const current = statusOf(status ?? undefined) ?? "new";
      const hour = Number(createdAt ?? 0);
      months.set(monthOf(hour), (months.get(monthOf(hour)) ?? 0) + 1);
      batch.hset(KEYS.case + code, "n", n).setrange(KEYS.caseCodes, n * CODE_WIDTH, code.padEnd(CODE_WIDTH).slice(0, CODE_WIDTH));
      batch.setbit(INDEX.status(current), n, 1);
      if (region) batch.setbit(INDEX.region(region as Region), n, 1);
      if (placeType) batch.setbit(INDEX.place(placeType as PlaceType), n, 1);
      if (urgent === "1") batch.setbit(INDEX.urgent, n, 1);
      if (assignee) batch.setbit(INDEX.assignee(Number(assignee)), n, 1);
      if (current === "new") batch.zadd(INDEX.fresh, hour, code);
      if (AWAITING.has(current) && !firstActionAt) batch.zadd(INDEX.awaitingAction, hour, code);
      if (current === "closed" && !retainUntil && !purgedAt) batch.hset(KEYS.case + code, "retainUntil", keepUntil(updatedAt));
      if (current === "closed" && !purgedAt) batch.setbit(INDEX.retained, n, 1);
    });
    await execAll(batch);
  }
  const counted = redis.multi().del(KEYS.caseMonths).set(KEYS.caseCount, codes.length).set(INDEXED, INDEX_VERSION);
  if (months.size > 0) counted.hset(KEYS.caseMonths, Object.fromEntries(months));
  await execAll(counted);
  await redis.del(LEGACY_CASES);
  await deleteMatching(redis, LEGACY_INDEXES);
  if (codes.length > 0) logger.info({ indexed: codes.length }, "numbered the cases and built the case list's indexes");
  return codes.length;
}

const LOCK = "migrations:lock";
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
  const renewal = setInterval(() => void HOLD(redis, [LOCK], [token, LOCK_MS]).catch(() => undefined), LOCK_MS / 3);
  try {
    await nameKeysByPseudonym(redis, cipher, logger);
    await indexCases(redis, logger, retentionDays);
    await layOutCases(redis, logger);
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
export async function layOutCases(redis: Redis, logger: Logger): Promise<number> {
  const done = Number((await redis.get(LAID_OUT)) ?? 0);
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
