import type { BotError } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { Metrics } from "../metrics.js";
import type { BotContext } from "./context.js";
import { supportedLocale } from "./i18n.js";

export function createErrorHandler(i18n: I18n<BotContext>, metrics: Metrics) {
  return async ({ ctx, error }: BotError<BotContext>) => {
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
