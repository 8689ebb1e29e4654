import type { BotError } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Metrics } from "../metrics.js";
import type { BotContext } from "./context.js";
import { supportedLocale } from "./i18n.js";
import { RedisUnavailable } from "../redis.js";

export function createErrorHandler(i18n: I18n<BotContext>, metrics: Metrics, redisUp: () => Promise<boolean>) {
  return async ({ ctx, error }: BotError<BotContext>) => {
    // Without Redis the update cannot be handled now, but it is recorded: it will be handled again later,
    // so the person is not told that something went wrong.
    if (!(await redisUp())) throw new RedisUnavailable(error);
    metrics.errors.inc();
    ctx.logger.error({ err: error }, "update failed");
    // The failure may have happened before i18n ran (Redis down while loading the session).
    const text = ctx.i18n
      ? ctx.t("error-generic")
      : i18n.t(supportedLocale(ctx.from?.language_code) ?? ctx.config.defaultLocale, "error-generic");
    const notices = [
      // The handler may have answered the button already; Telegram then refuses a second answer.
      ctx.callbackQuery ? ctx.answerCallbackQuery() : undefined,
      ctx.chat ? ctx.api.sendMessage(ctx.chat.id, text) : undefined,
    ];
    for (const outcome of await Promise.allSettled(notices)) {
      if (outcome.status === "rejected") ctx.logger.warn({ err: outcome.reason }, "could not tell the person about the failure");
    }
  };
}
