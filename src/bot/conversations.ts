import type { Middleware, Transformer } from "grammy";
import { conversations, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { RedisAdapter } from "@grammyjs/storage-redis";
import type { Redis } from "ioredis";
import { KEYS } from "../redis.js";
import type { BotContext, ConversationContext } from "./context.js";

const DRAFT_TTL_SECONDS = 7 * 24 * 3600;

// Updates without a chat (inline queries) cannot be part of a conversation, so they cost no Redis read.
// The plugin's "key" storage would turn the missing key into the string "undefined" and share one record
// among all of them, so the "context" storage is used with the key made here.
function chatStorage(redis: Redis) {
  const adapter = new RedisAdapter<VersionedState<ConversationData>>({ instance: redis, ttl: DRAFT_TTL_SECONDS });
  const withKey = <T>(ctx: BotContext, use: (key: string) => T) =>
    ctx.chatId === undefined ? undefined : use(KEYS.conversation + ctx.chatId);
  return {
    read: (ctx: BotContext) => withKey(ctx, (key) => adapter.read(key)),
    write: (ctx: BotContext, state: VersionedState<ConversationData>) => withKey(ctx, (key) => adapter.write(key, state)),
    delete: (ctx: BotContext) => withKey(ctx, (key) => adapter.delete(key)),
  };
}

// Contexts inside a conversation are built afresh by the plugin and carry neither the session nor the
// transformers of bot.api, so the person's language and the API transformers (auto-retry, the /clear
// trail) are installed on each of them here.
export function conversationsMiddleware(redis: Redis, i18n: I18n<BotContext>, transformers: Transformer[]) {
  return conversations<BotContext, ConversationContext>({
    storage: { type: "context", version: 1, adapter: chatStorage(redis) },
    plugins: (conversation) => [
      i18n as unknown as Middleware<ConversationContext>,
      async (ctx, next) => {
        ctx.i18n.useLocale(await conversation.external((outer) => outer.i18n.getLocale()));
        ctx.api.config.use(...transformers);
        await next();
      },
    ],
  });
}
