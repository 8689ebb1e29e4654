import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { answerQuestion } from "../search-view.js";

const composer = new Composer<BotContext>();

composer.chatType("private").on("message:text", async (ctx, next) => {
  if (ctx.msg.text.startsWith("/")) return next();
  await answerQuestion(ctx, ctx.msg.text);
});

export { composer as searchFeature };
