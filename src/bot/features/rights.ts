import { Composer } from "../composer.js";
import { topicById } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { cardScreenFor, topicListScreen } from "../rights-view.js";
import { sendScreen, showScreen } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

feature.command("rights", (ctx) => sendScreen(ctx, topicListScreen(ctx.t)));

feature.callbackQuery(CALLBACK.rights, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, topicListScreen(ctx.t));
});

// An id that is not a topic (an old or forged button) falls through to the unhandled-button answer.
feature.callbackQuery(CALLBACK.topic, async (ctx, next) => {
  const topic = topicById(ctx.match[1] ?? "");
  if (!topic) return next();
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await cardScreenFor(ctx, topic));
});

export { composer as rightsFeature };
