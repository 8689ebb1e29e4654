import type { Api, Context, NextFunction } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { LOCALES, type Locale } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

const COMMANDS = ["start", "report", "status", "rights", "contacts", "official", "news", "subscribe", "unsubscribe", "clear", "cancel", "language", "help"] as const;

function commandList(i18n: I18n<BotContext>, locale: Locale) {
  return COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

/** A failure leaves the bot running without a command menu, which is better than not running at all. */
export async function publishCommands(api: Api, i18n: I18n<BotContext>, defaultLocale: Locale, logger: Logger) {
  try {
    await api.setMyCommands(commandList(i18n, defaultLocale));
    for (const locale of LOCALES) await api.setMyCommands(commandList(i18n, locale), { language_code: locale });
  } catch (err) {
    logger.warn({ err }, "could not publish the command list; the bot keeps running without it");
  }
}

/**
 * Telegram passes a command on as it was typed, and grammY matches commands by exact letters: /REPORT or
 * /Help (a phone's auto-capitalisation, or caps lock) would otherwise reach no feature. The command word
 * is put in lower case here, once, for every command; what follows it (a deep link's payload) is left as is.
 */
export function commandsInAnyCase(ctx: Context, next: NextFunction) {
  const message = ctx.message;
  const command = message?.entities?.find((entity) => entity.type === "bot_command" && entity.offset === 0);
  if (message?.text && command) message.text = message.text.slice(0, command.length).toLowerCase() + message.text.slice(command.length);
  return next();
}
