import { Composer } from "../composer.js";
import type { Locale } from "../../config.js";
import { topicById } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { ANSWER_QUESTION, CALLBACK } from "../keyboards.js";
import { answerQuestion } from "../search-view.js";
import { REPORT } from "../conversations/report.js";
import { enterReport } from "../report-entry.js";
import { cardScreenFor } from "../rights-view.js";
import { sendLanguagePrompt, sendScreen, sendStart } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("language", (ctx) => sendLanguagePrompt(ctx));

feature.callbackQuery(CALLBACK.language, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendLanguagePrompt(ctx);
});

// The choice may carry what the person asked for before they were asked to choose (see unknown-language.ts).
feature.callbackQuery(CALLBACK.chooseLanguage, async (ctx) => {
  ctx.session.locale = ctx.match[1] as Locale;
  delete ctx.session.guessedLocale;
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
  const then = ctx.match[2];
  const topic = topicById(then ?? "");
  const question = ctx.callbackQuery.message?.reply_to_message?.text;
  if (topic) await sendScreen(ctx, await cardScreenFor(ctx, topic));
  else if (then === REPORT) await enterReport(ctx);
  else if (then === ANSWER_QUESTION && question) await answerQuestion(ctx, question);
  else await sendStart(ctx);
});

export { composer as languageFeature };
