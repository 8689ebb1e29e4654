import { Composer } from "grammy";
import type { Locale } from "../../config.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { sendLanguagePrompt, sendStart } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("language", sendLanguagePrompt);

feature.callbackQuery(CALLBACK.language, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendLanguagePrompt(ctx);
});

feature.callbackQuery(CALLBACK.chooseLanguage, async (ctx) => {
  ctx.session.locale = ctx.match[1] as Locale;
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
  await sendStart(ctx);
});

export { composer as languageFeature };
