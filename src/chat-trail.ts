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

// One round trip per record: add the ids, drop what can no longer be deleted, renew the expiry.
// ARGV: now, window in ms, then the message ids.
const RECORD = luaScript(`
for i = 3, #ARGV do redis.call("ZADD", KEYS[1], ARGV[1], ARGV[i]) end
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", ARGV[1] - ARGV[2])
redis.call("PEXPIRE", KEYS[1], ARGV[2])
`);

/** `name` gives a private chat's (its person's) pseudonym, so the key does not show the Telegram id. */
export function createChatTrail(redis: Redis, name: (chatId: number) => string): ChatTrail {
  const key = (chatId: number) => KEYS.trail + name(chatId);
  return {
    async record(chatId, messageIds) {
      if (messageIds.length === 0) return;
      await RECORD(redis, [key(chatId)], [Date.now(), DELETABLE_MS, ...messageIds]);
    },
    async take(chatId) {
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
      // Not awaited, so the update does not wait a round trip for it. It is queued on the connection
      // ahead of everything later, so the chat's next update (they run one at a time) reads after it.
      void record(chatId, pending);
    }
  };
}
