import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CHECK } from "../conversations/check.js";
import { REPORT } from "../conversations/report.js";
import { PUBLISH } from "../conversations/publish.js";
import { NEWS_EDIT } from "../conversations/news-edit.js";
import { askAgainKeyboard, dropKeyboard, REPORT_CALLBACK } from "../report-view.js";

// Installed between the conversations plugin and the conversations themselves, so /cancel and the
// «Cancel» buttons reach it before a waiting form would take them as an answer.
const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

async function cancel(ctx: BotContext) {
  // Before the person agrees to start there is no draft to lose, so there is nothing to ask.
  if (ctx.conversation.active(REPORT) > 0 && ctx.session.draftStartedAt === undefined) {
    await ctx.conversation.exit(REPORT);
    return ctx.reply(ctx.t("report-not-started"));
  }
  if (ctx.conversation.active(REPORT) > 0) {
    return ctx.reply(ctx.t("report-drop-confirm"), { reply_markup: dropKeyboard(ctx.t) });
  }
  if (ctx.conversation.active(CHECK) > 0) {
    await ctx.conversation.exit(CHECK);
    return ctx.reply(ctx.t("check-cancelled"));
  }
  for (const [form, said] of [[PUBLISH, "publish-cancelled"], [NEWS_EDIT, "news-edit-cancelled"]] as const) {
    if (ctx.conversation.active(form) > 0) {
      await ctx.conversation.exit(form);
      return ctx.reply(ctx.t(said));
    }
  }
  return ctx.reply(ctx.t("report-nothing-to-cancel"));
}

feature.command("cancel", cancel);

feature.callbackQuery(REPORT_CALLBACK.cancel, async (ctx) => {
  await ctx.answerCallbackQuery();
  await cancel(ctx);
});

feature.callbackQuery(REPORT_CALLBACK.drop, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exit(REPORT);
  delete ctx.session.draftStartedAt;
  await ctx.editMessageText(ctx.t("report-dropped"));
});

feature.callbackQuery(REPORT_CALLBACK.keep, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("report-kept"), { reply_markup: askAgainKeyboard(ctx.t) });
});

export { composer as reportCancelFeature };
