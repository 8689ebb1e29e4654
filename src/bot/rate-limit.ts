import { limit } from "@grammyjs/ratelimiter";
import type { NextFunction } from "grammy";
import type { Redis } from "ioredis";
import { LOCALES } from "../config.js";
import { KEYS, luaScript } from "../redis.js";
import { knownLocale } from "./i18n.js";
import type { BotContext } from "./context.js";
import type { PersonKey } from "./session.js";

// The library counts with INCR and then starts the window with PEXPIRE, two calls: a process killed between
// them would leave a counter that never expires, and lock the person out for good. One script does both.
const COUNT = luaScript<number>(`
local hits = redis.call("INCR", KEYS[1])
if hits == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return hits
`);

/**
 * Per person, on Redis, so every bot process counts together: past the limit, updates are dropped before
 * they reach a form or search, and the person is told once per window, in their language, to slow down.
 * The counter is named by the keyed pseudonym, never the Telegram id.
 *
 * `count` comes before the session is read, so its round trip overlaps the session's (see index.ts); the
 * update that first goes over the limit passes on to `notice`, which answers it once the person's language
 * is known.
 */
export function rateLimit(redis: Redis, personKey: PersonKey, { updates, seconds }: { updates: number; seconds: number }) {
  const windowMs = seconds * 1000;
  const over = new WeakSet<BotContext>();
  const count = limit<BotContext, { incr(key: string): Promise<number>; pexpire(key: string, ms: number): Promise<number> }>({
    timeFrame: windowMs,
    limit: updates,
    storageClient: { incr: (key) => COUNT(redis, [key], [windowMs]), pexpire: async () => 1 },
    keyPrefix: KEYS.rateLimit,
    keyGenerator: personKey,
    onLimitExceeded: (ctx, next) => {
      over.add(ctx);
      return next();
    },
  });
  const notice = async (ctx: BotContext, next: NextFunction) => {
    if (!over.has(ctx)) return next();
    ctx.logger.info("a person is over the rate limit; their updates are dropped until the window ends");
    // Someone whose language the bot does not know yet is told in both, as they are asked to choose.
    const text = knownLocale(ctx) ? ctx.t("rate-limited") : LOCALES.map((locale) => ctx.translateFor(locale, "rate-limited")).join("\n\n");
    const notices = [ctx.callbackQuery ? ctx.answerCallbackQuery() : undefined, ctx.chat ? ctx.reply(text) : undefined];
    // Waited for, so the notice goes into the chat's trail with the rest (see trackChat).
    await Promise.allSettled(notices);
  };
  return { count, notice };
}
