import { createHash } from "node:crypto";
import type { Update } from "grammy/types";
import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS } from "../redis.js";

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
}

// KEYS: seen, pending. ARGV: now, the oldest time to remember (0: no pruning this time), then pairs of
// update id and sealed update.
const RECORD = `
if ARGV[2] ~= "0" then redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", ARGV[2]) end
local fresh = {}
for i = 3, #ARGV, 2 do
  if not redis.call("ZSCORE", KEYS[1], ARGV[i]) then
    redis.call("ZADD", KEYS[1], ARGV[1], ARGV[i])
    redis.call("HSET", KEYS[2], ARGV[i], ARGV[i + 1])
    fresh[#fresh + 1] = ARGV[i]
  end
end
return fresh
`;

const RECORD_SHA = createHash("sha1").update(RECORD).digest("hex");

/** Old ids are forgotten at most this often, not on every write. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Items given in the same turn of the event loop (several webhook requests, several updates finishing)
 * go to Redis together, as one command, and every caller gets that command's result.
 */
function together<T, R>(send: (items: T[]) => Promise<R>): (items: T[]) => Promise<R> {
  let waiting: { items: T[]; result: Promise<R> } | undefined;
  return (items) => {
    if (!waiting) {
      const batch = { items: [] as T[], result: undefined as unknown as Promise<R> };
      batch.result = new Promise((resolve) => setImmediate(resolve)).then(() => {
        waiting = undefined;
        return send(batch.items);
      });
      waiting = batch;
    }
    waiting.items.push(...items);
    return waiting.result;
  };
}

export function createUpdateJournal(redis: Redis, cipher: Cipher): UpdateJournal {
  let prunedAt = 0;
  // Sent by its hash (EVALSHA), not as text every time.
  const script = (...args: Array<string | number>) => redis.evalsha(RECORD_SHA, 2, ...args).catch((err: unknown) => {
    if (err instanceof Error && err.message.startsWith("NOSCRIPT")) return redis.eval(RECORD, 2, ...args);
    throw err;
  });
  const record = together(async (updates: Update[]) => {
    const now = Date.now();
    const prune = now - prunedAt > PRUNE_EVERY_MS;
    if (prune) prunedAt = now;
    const pairs = updates.flatMap((update) => [update.update_id, cipher.encrypt(JSON.stringify(update))]);
    return new Set(((await script(KEYS.updatesSeen, KEYS.updatesPending, now, prune ? now - SEEN_FOR_MS : 0, ...pairs)) as string[]).map(Number));
  });
  const done = together((ids: number[]) => redis.hdel(KEYS.updatesPending, ...ids.map(String)));
  return {
    async record(updates) {
      if (updates.length === 0) return [];
      const fresh = await record(updates);
      // Taken out as they are claimed: an update given twice in one batch is handed over once.
      return updates.filter((update) => fresh.delete(update.update_id));
    },
    async done(updateId) {
      await done([updateId]);
    },
    async pending() {
      const sealed = Object.values(await redis.hgetall(KEYS.updatesPending));
      return sealed.map((value) => JSON.parse(cipher.decrypt(value)) as Update).sort((a, b) => a.update_id - b.update_id);
    },
  };
}
