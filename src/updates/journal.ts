import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS, luaScript } from "../redis.js";
import { personQueueKey, senderOf } from "./person.js";

/** How long an update id is remembered, to drop it if Telegram sends it again. Telegram keeps updates 24 h. */
const SEEN_FOR_MS = 7 * 24 * 3600 * 1000;

/**
 * Every update is written here before Telegram is told it arrived (the next getUpdates offset, or the
 * webhook's 200), and removed once handled. An update holds what the person wrote, so it is encrypted.
 */
export interface UpdateJournal {
  /** Records the updates; resolves with those never recorded before, in order. */
  record(updates: Update[]): Promise<Update[]>;
  /** The update has been handled. */
  done(updateId: number): Promise<void>;
  /** Recorded and not yet handled, oldest first. */
  pending(): Promise<Update[]>;
  /** Recorded more than `ageMs` ago and not yet handled, oldest first: what a process that stopped left. */
  stale(ageMs: number): Promise<Update[]>;
}

// A new update also joins its sender's queue (person-turn.ts), so processes handle a person's updates in
// order. KEYS: seen, pending. ARGV: now, the oldest time to remember (0: no pruning this time), how many ids
// follow of updates handled, those ids, then triples of update id, sealed update, and the sender's queue
// key ("" for an update without a sender).
const WRITE = luaScript<string[]>(`
if ARGV[2] ~= "0" then redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", ARGV[2]) end
local handled = tonumber(ARGV[3])
for i = 4, 3 + handled do redis.call("HDEL", KEYS[2], ARGV[i]) end
local fresh = {}
for i = 4 + handled, #ARGV, 3 do
  if not redis.call("ZSCORE", KEYS[1], ARGV[i]) then
    redis.call("ZADD", KEYS[1], ARGV[1], ARGV[i])
    redis.call("HSET", KEYS[2], ARGV[i], ARGV[i + 1])
    if ARGV[i + 2] ~= "" then
      redis.call("ZADD", ARGV[i + 2], ARGV[i], ARGV[i])
      redis.call("PEXPIRE", ARGV[i + 2], ${SEEN_FOR_MS})
    end
    fresh[#fresh + 1] = ARGV[i]
  end
end
return fresh
`);

/** Old ids are forgotten at most this often, not on every write. */
const PRUNE_EVERY_MS = 60_000;

/**
 * `acrossProcesses`: several processes take updates (webhook mode), so each update also joins its sender's
 * queue for person-turn.ts. In polling mode one process takes them all, and nothing is queued per person.
 */
export function createUpdateJournal(redis: Redis, cipher: Cipher, acrossProcesses = false): UpdateJournal {
  let prunedAt = 0;
  // Updates to record and updates handled, given in the same turn of the event loop (several webhook
  // requests, several updates finishing, one person's next update as their last one ends), go to Redis as
  // one script call, and every caller gets its result.
  let batch: { record: Update[]; done: number[]; result: Promise<Set<number>> } | undefined;
  async function write(record: Update[], done: number[]) {
    const now = Date.now();
    const prune = now - prunedAt > PRUNE_EVERY_MS;
    if (prune) prunedAt = now;
    const queueOf = (update: Update) => {
      const sender = acrossProcesses ? senderOf(update) : undefined;
      return sender === undefined ? "" : personQueueKey(cipher.pseudonym(String(sender)));
    };
    const pairs = record.flatMap((update) => [update.update_id, cipher.encrypt(JSON.stringify(update)), queueOf(update)]);
    return new Set((await WRITE(redis, [KEYS.updatesSeen, KEYS.updatesPending], [now, prune ? now - SEEN_FOR_MS : 0, done.length, ...done, ...pairs])).map(Number));
  }
  function join(): NonNullable<typeof batch> {
    if (batch) return batch;
    const next = { record: [] as Update[], done: [] as number[], result: undefined as unknown as Promise<Set<number>> };
    next.result = new Promise((resolve) => setImmediate(resolve)).then(() => {
      batch = undefined;
      return write(next.record, next.done);
    });
    return (batch = next);
  }
  return {
    async record(updates) {
      if (updates.length === 0) return [];
      const joined = join();
      joined.record.push(...updates);
      const fresh = await joined.result;
      // Taken out as they are claimed: an update given twice in one batch is handed over once.
      return updates.filter((update) => fresh.delete(update.update_id));
    },
    async done(updateId) {
      const joined = join();
      joined.done.push(updateId);
      await joined.result;
    },
    async pending() {
      const sealed = Object.values(await redis.hgetall(KEYS.updatesPending));
      return sealed.map((value) => JSON.parse(cipher.decrypt(value)) as Update).sort((a, b) => a.update_id - b.update_id);
    },
    async stale(ageMs) {
      const ids = await redis.hkeys(KEYS.updatesPending);
      if (ids.length === 0) return [];
      const times = await redis.zmscore(KEYS.updatesSeen, ...ids);
      const old = ids.filter((_, index) => Number(times[index] ?? 0) < Date.now() - ageMs);
      if (old.length === 0) return [];
      const sealed = (await redis.hmget(KEYS.updatesPending, ...old)).filter((value) => value !== null);
      return sealed.map((value) => JSON.parse(cipher.decrypt(value)) as Update).sort((a, b) => a.update_id - b.update_id);
    },
  };
}
