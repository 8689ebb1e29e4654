import { limit } from "@grammyjs/ratelimiter";
import type { Redis } from "ioredis";
import type { Cipher } from "../crypto.js";
import { KEYS } from "../redis.js";
import type { BotContext } from "./context.js";

/**
 * Per person, on Redis, so every bot process counts together: past the limit, updates are dropped before
 * they reach a form or search, and the person is told once per window, in their language, to slow down.
 * The counter is named by the keyed pseudonym, never the Telegram id.
 */
export function rateLimit(redis: Redis, cipher: Cipher, { updates, seconds }: { updates: number; seconds: number }) {
  return limit<BotContext, Redis>({
    timeFrame: seconds * 1000,
    limit: updates,
    storageClient: redis,
    keyPrefix: KEYS.rateLimit,
    keyGenerator: (ctx) => (ctx.from ? cipher.pseudonym(String(ctx.from.id)) : undefined),
    onLimitExceeded: (ctx) => {
      ctx.logger.info("a person is over the rate limit; their updates are dropped until the window ends");
      const notices = [ctx.callbackQuery ? ctx.answerCallbackQuery() : undefined, ctx.chat ? ctx.reply(ctx.t("rate-limited")) : undefined];
      void Promise.allSettled(notices);
    },
  });
}
