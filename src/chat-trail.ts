import type { Context, Transformer } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.js";
import { KEYS, luaScript } from "./redis.js";

/** Telegram lets a bot delete messages in a private chat only for 48 hours after they were sent. */
export const DELETABLE_MS = 48 * 3600 * 1000;

/**
 * The ids of recent messages in each private chat, both the bot's and the person's, so "Clear this chat"
 * can delete them. Only ids are kept, never content, and only as long as they can still be deleted.
 */
export interface ChatTrail {
  record(chatId: number, messageIds: number[]): Promise<void>;
  /** The ids still deletable, oldest first; the chat's trail is forgotten. */
  take(chatId: number): Promise<number[]>;
}

// Adds ids to each chat's trail, drops what can no longer be deleted, renews the expiry. KEYS: the chats'
// trails. ARGV: now, window in ms, then per key how many ids follow and those ids.
const RECORD = luaScript(`
local at = 3
for k = 1, #KEYS do
  local count = tonumber(ARGV[at])
  for i = at + 1, at + count do redis.call("ZADD", KEYS[k], ARGV[1], ARGV[i]) end
  at = at + count + 1
  redis.call("ZREMRANGEBYSCORE", KEYS[k], "-inf", ARGV[1] - ARGV[2])
  redis.call("PEXPIRE", KEYS[k], ARGV[2])
end
`);

/** `name` gives a private chat's (its person's) pseudonym, so the key does not show the Telegram id. */
export function createChatTrail(redis: Redis, name: (chatId: number) => string): ChatTrail {
  const key = (chatId: number) => KEYS.trail + name(chatId);
  // Records made in the same turn of the event loop (many people's updates finishing together) go to Redis
  // as one script call.
  let batch: { ids: Map<string, number[]>; written: Promise<void> } | undefined;
  function join() {
    if (batch) return batch;
    const next = { ids: new Map<string, number[]>(), written: undefined as unknown as Promise<void> };
    next.written = new Promise((resolve) => setImmediate(resolve)).then(() => {
      batch = undefined;
      const args = [...next.ids.values()].flatMap((ids) => [ids.length, ...ids]);
      return RECORD(redis, [...next.ids.keys()], [Date.now(), DELETABLE_MS, ...args]).then(() => undefined);
    });
    return (batch = next);
  }
  return {
    async record(chatId, messageIds) {
      if (messageIds.length === 0) return;
      const joined = join();
      const ids = joined.ids.get(key(chatId));
      if (ids) ids.push(...messageIds);
      else joined.ids.set(key(chatId), [...messageIds]);
      await joined.written;
    },
    async take(chatId) {
      // Whatever was recorded before is written first, so it is taken too.
      await batch?.written.catch(() => undefined);
      const replies = await redis.multi().zrangebyscore(key(chatId), Date.now() - DELETABLE_MS, "+inf").del(key(chatId)).exec();
      return ((replies?.[0]?.[1] ?? []) as string[]).map(Number);
    },
  };
}

const SENDS = /^(send|copyMessage$|forwardMessage$)/;

function sentIds(result: unknown): number[] {
  const messages = Array.isArray(result) ? result : [result];
  return messages.flatMap((message) => (typeof message?.message_id === "number" ? [message.message_id] : []));
}

/** Hands the ids of messages the bot sent into a private chat (user ids, so those chat ids, are positive) to `keep`. */
function sentTo(keep: (chatId: number, ids: number[]) => unknown): Transformer {
  return async (prev, method, payload, signal) => {
    const response = await prev(method, payload, signal);
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    if (response.ok && SENDS.test(method) && typeof chatId === "number" && chatId > 0) await keep(chatId, sentIds(response.result));
    return response;
  };
}

// A failure to record is logged, not thrown: the message has been sent, and reporting the call as failed
// would make a handler send it twice.
const recordOrLog = (trail: ChatTrail, logger: Logger) => (chatId: number, ids: number[]) =>
  trail.record(chatId, ids).catch((err: unknown) => logger.warn({ err }, "could not record message ids for /clear"));

/**
 * Records each message as it is sent: for APIs that live outside one update, like a conversation's. There
 * each send is replayed from the stored state on every later update, so the write goes through `once`
 * (the conversation's external), which runs it the first time and replays its result afterwards.
 */
export function trailTransformer(trail: ChatTrail, logger: Logger, once: (write: () => Promise<void>) => Promise<void>): Transformer {
  const record = recordOrLog(trail, logger);
  return sentTo((chatId, ids) => once(() => record(chatId, ids)));
}

/**
 * For one update in a private chat: collects the person's message and everything the bot sends through
 * ctx.api, and stores them in one write when the update is done. The ids collected so far are on
 * ctx.pendingTrail, for «Clear this chat» to delete along with the stored ones.
 */
export function trackChat(trail: ChatTrail, logger: Logger) {
  const record = recordOrLog(trail, logger);
  return async (ctx: Context & { pendingTrail: number[] }, next: () => Promise<void>) => {
    if (ctx.chat?.type !== "private") return next();
    const chatId = ctx.chat.id;
    const pending = ctx.message ? [ctx.message.message_id] : [];
    ctx.pendingTrail = pending;
    ctx.api.config.use(sentTo((to, ids) => (to === chatId ? pending.push(...ids) : record(to, ids))));
    try {
      await next();
    } finally {
      // Not awaited, so the update does not wait a round trip for it. Taking the trail waits for the
      // writes already made, so the chat's next update (they run one at a time) finds these ids.
      void record(chatId, pending);
    }
  };
}
