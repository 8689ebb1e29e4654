import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { REPORT } from "../conversations/report.js";
import { enterReport } from "../report-entry.js";
import { REPORT_CALLBACK } from "../report-view.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

// A draft that went quiet for 24 hours is gone; the person's next message is told so, once. So is one that
// could not be read, which is not the person's doing and must not be blamed on their silence.
feature.use(async (ctx, next) => {
  const lost = ctx.session.formLost;
  delete ctx.session.formLost;
  if (ctx.session.draftStartedAt !== undefined && ctx.conversation.active(REPORT) === 0) {
    delete ctx.session.draftStartedAt;
    await ctx.reply(ctx.t(lost ? "report-unreadable" : "report-expired"));
  }
  await next();
});

feature.command("report", enterReport);

feature.callbackQuery(REPORT_CALLBACK.start, async (ctx) => {
  await ctx.answerCallbackQuery();
  await enterReport(ctx);
});

export { composer as reportFeature };
