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
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, text);
    } catch (err) {
      ctx.logger.warn({ err }, "could not tell the person about the failure");
    }
  };
}
