import type { Middleware, Transformer } from "grammy";
import { conversations, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import type { ChainableCommander, Redis } from "ioredis";
import { trailTransformer, type ChatTrail } from "../chat-trail.js";
import type { Cipher } from "../crypto.js";
import type { Logger } from "../logger.js";
import { KEYS, SESSION_TTL_SECONDS } from "../redis.js";
import type { BotContext, ConversationContext } from "./context.js";
import { sessionEntry, type PersonKey } from "./session.js";

/** A draft left alone this long is gone: the stored state expires, and a late answer finds no conversation. */
export const DRAFT_TTL_MS = 24 * 3600 * 1000;

// Bump whenever a conversation's sequence of waits and external calls changes: stored drafts of the old
// shape are then dropped instead of being replayed onto new code.
const FLOW_VERSION = 5;

type State = VersionedState<ConversationData>;

// A draft holds everything the person typed, so it is encrypted like a sent complaint, and it is named by
// the person's pseudonym. Forms run only in private chats. Most updates come from people with no form
// open, and the session (read anyway) says whether one is, so all other updates cost no Redis read.
// Updates from groups, or without a chat or a sender (inline queries, channel posts), cannot be part of a
// form. The plugin's "key" storage would turn a missing key into the string "undefined" and share one
// record among all of them, so the "context" storage is used with the key made here.
//
// The person's session is written in the same transaction as the form, since it holds the ids of the
// updates already handled (see skipHandled): were the process to die between two separate writes, the
// update would be handed to the form a second time on the next start, and its answer taken twice.
function chatStorage(redis: Redis, cipher: Cipher, personKey: PersonKey) {
  const keyOf = (ctx: BotContext) => (ctx.chat?.type === "private" && ctx.from !== undefined ? KEYS.conversation + personKey(ctx) : undefined);
  const open = (sealed: string | null): State | undefined => {
    if (sealed === null) return undefined;
    try {
      return JSON.parse(cipher.decrypt(sealed)) as State;
    } catch {
      return undefined; // sealed with a key that is no longer configured: the draft cannot be resumed
    }
  };
  const withSession = async (ctx: BotContext, transaction: ChainableCommander) => {
    const [key, value] = sessionEntry(ctx, personKey);
    const replies = await transaction.set(key, value, "EX", SESSION_TTL_SECONDS).exec();
    const failed = replies?.find(([err]) => err);
    if (failed) throw failed[0];
  };
  return {
    async read(ctx: BotContext) {
      const key = keyOf(ctx);
      if (key === undefined || !ctx.session.formOpen) return undefined;
      const sealed = await redis.get(key);
      const state = open(sealed);
      if (state?.version[1] === FLOW_VERSION) return state;
      // Expired, or there but unreadable (sealed with a key no longer configured, or left by an older form):
      // stop looking, and remember which, so that the person is not told their draft ran out of time.
      delete ctx.session.formOpen;
      if (sealed !== null) ctx.session.formLost = true;
      return undefined;
    },
    async write(ctx: BotContext, state: State) {
      const key = keyOf(ctx);
      if (key === undefined) return;
      ctx.session.formOpen = true;
      await withSession(ctx, redis.multi().set(key, cipher.encrypt(JSON.stringify(state)), "EX", DRAFT_TTL_MS / 1000));
    },
    async delete(ctx: BotContext) {
      const key = keyOf(ctx);
      if (key === undefined) return;
      delete ctx.session.formOpen;
      await withSession(ctx, redis.multi().del(key));
    },
  };
}

// Contexts inside a conversation are built afresh by the plugin and carry neither the session nor the
// transformers of bot.api, so the person's language and the API transformers (auto-retry, the /clear
// trail) are installed on each of them here.
export interface ConversationDeps {
  redis: Redis;
  cipher: Cipher;
  personKey: PersonKey;
  i18n: I18n<BotContext>;
  retry: Transformer;
  trail: ChatTrail;
  logger: Logger;
}

export function conversationsMiddleware({ redis, cipher, personKey, i18n, retry, trail, logger }: ConversationDeps) {
  return conversations<BotContext, ConversationContext>({
    storage: { type: "context", version: FLOW_VERSION, adapter: chatStorage(redis, cipher, personKey) },
    plugins: (conversation) => [
      i18n as unknown as Middleware<ConversationContext>,
      async (ctx, next) => {
        ctx.i18n.useLocale(await conversation.external((outer) => outer.i18n.getLocale()));
        ctx.api.config.use(retry, trailTransformer(trail, logger, (write) => conversation.external(write)));
        await next();
      },
    ],
  });
}
