import { limit } from "@grammyjs/ratelimiter";
import type { Redis } from "ioredis";
import { KEYS } from "../redis.js";
import type { BotContext } from "./context.js";
import type { PersonKey } from "./session.js";

/**
 * Per person, on Redis, so every bot process counts together: past the limit, updates are dropped before
 * they reach a form or search, and the person is told once per window, in their language, to slow down.
 * The counter is named by the keyed pseudonym, never the Telegram id.
 */
export function rateLimit(redis: Redis, personKey: PersonKey, { updates, seconds }: { updates: number; seconds: number }) {
  return limit<BotContext, Redis>({
    timeFrame: seconds * 1000,
    limit: updates,
    storageClient: redis,
    keyPrefix: KEYS.rateLimit,
    keyGenerator: personKey,
    onLimitExceeded: (ctx) => {
      ctx.logger.info("a person is over the rate limit; their updates are dropped until the window ends");
      const notices = [ctx.callbackQuery ? ctx.answerCallbackQuery() : undefined, ctx.chat ? ctx.reply(ctx.t("rate-limited")) : undefined];
      void Promise.allSettled(notices);
    },
  });
}
