import { Composer } from "grammy";
import type { Locale } from "../../config.js";
import { topicById } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { cardScreenFor } from "../rights-view.js";
import { sendLanguagePrompt, sendScreen, sendStart } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("language", (ctx) => sendLanguagePrompt(ctx));

feature.callbackQuery(CALLBACK.language, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendLanguagePrompt(ctx);
});

feature.callbackQuery(CALLBACK.chooseLanguage, async (ctx) => {
  ctx.session.locale = ctx.match[1] as Locale;
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
  const topic = topicById(ctx.match[2] ?? "");
  await (topic ? sendScreen(ctx, await cardScreenFor(ctx, topic)) : sendStart(ctx));
});

export { composer as languageFeature };
