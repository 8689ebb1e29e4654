import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { chosenLocale, supportedLocale } from "../i18n.js";
import { sendLanguagePrompt, sendStart } from "../screens.js";

const composer = new Composer<BotContext>();

composer.chatType("private").command("start", (ctx) =>
  chosenLocale(ctx) ?? supportedLocale(ctx.from.language_code) ? sendStart(ctx) : sendLanguagePrompt(ctx),
);

export { composer as startFeature };
