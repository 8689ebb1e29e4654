import type { Transformer } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.js";
import { KEYS } from "./redis.js";

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

// One round trip per message: add the ids, drop what can no longer be deleted, renew the expiry.
// ARGV: now, window in ms, then the message ids.
const RECORD = `
for i = 3, #ARGV do redis.call("ZADD", KEYS[1], ARGV[1], ARGV[i]) end
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", ARGV[1] - ARGV[2])
redis.call("PEXPIRE", KEYS[1], ARGV[2])
`;

export function createChatTrail(redis: Redis): ChatTrail {
  const key = (chatId: number) => KEYS.trail + chatId;
  return {
    async record(chatId, messageIds) {
      if (messageIds.length === 0) return;
      await redis.eval(RECORD, 1, key(chatId), Date.now(), DELETABLE_MS, ...messageIds);
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

/**
 * Records every message the bot sends into a private chat (user ids, and so private chat ids, are
 * positive). A failure to record is logged, not thrown: the message has been sent, and reporting the
 * call as failed would make a handler send it twice.
 */
export function trailTransformer(trail: ChatTrail, logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const response = await prev(method, payload, signal);
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    if (response.ok && SENDS.test(method) && typeof chatId === "number" && chatId > 0) {
      await trail.record(chatId, sentIds(response.result)).catch((err: unknown) => logger.warn({ err, method }, "could not record a sent message for /clear"));
    }
    return response;
  };
}
