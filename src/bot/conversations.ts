import type { Middleware } from "grammy";
import { conversations } from "@grammyjs/conversations";
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import type { I18n } from "@grammyjs/i18n";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Redis } from "ioredis";
import { KEYS } from "../redis.js";
import type { BotContext, ConversationContext } from "./context.js";

const DRAFT_TTL_SECONDS = 7 * 24 * 3600;

// Contexts inside a conversation are built afresh by the plugin and carry neither the session nor the
// transformers of bot.api, so the person's language and auto-retry are installed on each of them here.
export function conversationsMiddleware(redis: Redis, i18n: I18n<BotContext>, retry: Partial<AutoRetryOptions>) {
  return conversations<BotContext, ConversationContext>({
    storage: {
      type: "key",
      version: 1,
      prefix: KEYS.conversation,
      adapter: new RedisAdapter({ instance: redis, ttl: DRAFT_TTL_SECONDS }),
    },
    plugins: (conversation) => [
      i18n as unknown as Middleware<ConversationContext>,
      async (ctx, next) => {
        ctx.i18n.useLocale(await conversation.external((outer) => outer.i18n.getLocale()));
        ctx.api.config.use(autoRetry(retry));
        await next();
      },
    ],
  });
}
