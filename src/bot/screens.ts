import { LOCALES } from "../config.js";
import type { BotContext } from "./context.js";
import { languageKeyboard, mainMenu } from "./keyboards.js";

export function sendStart(ctx: BotContext) {
  return ctx.reply(ctx.t("start-greeting"), { reply_markup: mainMenu(ctx.t) });
}

// Asked in both languages at once: the person may not read the one we guessed.
export function sendLanguagePrompt(ctx: BotContext) {
  const { fluent } = ctx.i18n;
  const text = LOCALES.map((locale) => fluent.translate(locale, "language-choose")).join("\n");
  return ctx.reply(text, { reply_markup: languageKeyboard(ctx.t) });
}
