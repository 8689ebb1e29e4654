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

export function createUpdateJournal(redis: Redis, cipher: Cipher): UpdateJournal {
  let prunedAt = 0;
  // Sent by its hash (EVALSHA), not as text on every update.
  const record = (...args: Array<string | number>) => redis.evalsha(RECORD_SHA, 2, ...args).catch((err: unknown) => {
    if (err instanceof Error && err.message.startsWith("NOSCRIPT")) return redis.eval(RECORD, 2, ...args);
    throw err;
  });
  return {
    async record(updates) {
      if (updates.length === 0) return [];
      const now = Date.now();
      const prune = now - prunedAt > PRUNE_EVERY_MS;
      if (prune) prunedAt = now;
      const pairs = updates.flatMap((update) => [update.update_id, cipher.encrypt(JSON.stringify(update))]);
      const fresh = new Set(((await record(KEYS.updatesSeen, KEYS.updatesPending, now, prune ? now - SEEN_FOR_MS : 0, ...pairs)) as string[]).map(Number));
      return updates.filter((update) => fresh.has(update.update_id));
    },
    async done(updateId) {
      await redis.hdel(KEYS.updatesPending, String(updateId));
    },
    async pending() {
      const sealed = Object.values(await redis.hgetall(KEYS.updatesPending));
      return sealed.map((value) => JSON.parse(cipher.decrypt(value)) as Update).sort((a, b) => a.update_id - b.update_id);
    },
  };
}
