import { Composer } from "grammy";
import { topicById } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { chosenLocale, supportedLocale } from "../i18n.js";
import { CALLBACK } from "../keyboards.js";
import { cardScreenFor } from "../rights-view.js";
import { sendLanguagePrompt, sendScreen, sendStart, showScreen, startScreen } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

// t.me/<bot>?start=<topic-id> (posters, leaflets, QR codes) opens that card directly. With no known
// language the person is asked first, and the card follows their choice.
feature.command("start", async (ctx) => {
  const topic = topicById(ctx.match);
  const knowsLanguage = chosenLocale(ctx) ?? supportedLocale(ctx.from.language_code);
  if (!knowsLanguage) return sendLanguagePrompt(ctx, topic?.id);
  if (topic) return sendScreen(ctx, await cardScreenFor(ctx, topic));
  return sendStart(ctx);
});

feature.callbackQuery(CALLBACK.home, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, startScreen(ctx));
});

export { composer as startFeature };
