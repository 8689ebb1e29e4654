import { Composer } from "../composer.js";
import type { Locale } from "../../config.js";
import { topicById } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { REPORT } from "../conversations/report.js";
import { enterReport } from "../report-entry.js";
import { cardScreenFor } from "../rights-view.js";
import { chooseLanguage, sendLanguagePrompt, sendScreen, sendStart } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("language", (ctx) => sendLanguagePrompt(ctx));

feature.callbackQuery(CALLBACK.language, async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendLanguagePrompt(ctx);
});

// While a form waits, it takes a plain choice itself and asks its question again (conversations/input.ts);
// only a choice that carries a topic (from a deep link, in a prompt sent before this version) comes here then.
feature.callbackQuery(CALLBACK.chooseLanguage, async (ctx) => {
  await chooseLanguage(ctx, ctx.match[1] as Locale);
  const then = ctx.match[2];
  const topic = topicById(then ?? "");
  if (topic) await sendScreen(ctx, await cardScreenFor(ctx, topic));
  else if (then === REPORT) await enterReport(ctx);
  else await sendStart(ctx);
});

export { composer as languageFeature };
