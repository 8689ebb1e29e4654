import { InlineKeyboard } from "grammy";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CALLBACK, homeButton } from "../keyboards.js";
import { sensitive } from "../protect.js";
import { REPORT_CALLBACK } from "../report-view.js";
import { topicButton } from "../rights-view.js";

const composer = new Composer<BotContext>();

// A question in the person's own words: the best matching cards, or, when none fits, an honest "not
// found" with the topic list, the form and the contacts. Never a random card.
composer.chatType("private").on("message:text", async (ctx, next) => {
  if (ctx.msg.text.startsWith("/")) return next();
  const found = ctx.rightsSearch.search(ctx.msg.text);
  if (found.length === 0) {
    const keyboard = new InlineKeyboard()
      .text(ctx.t("menu-rights"), CALLBACK.rights).row()
      .text(ctx.t("menu-report"), REPORT_CALLBACK.start).row()
      .text(ctx.t("menu-contacts"), CALLBACK.contacts);
    return ctx.reply(ctx.t("search-nothing"), { reply_markup: keyboard });
  }
  const keyboard = new InlineKeyboard([...found.map((topic) => [topicButton(ctx.t, topic)]), [homeButton(ctx.t)]]);
  // The answer says what the person is going through, so it is kept from being forwarded.
  return ctx.reply(ctx.t("search-found"), sensitive({ reply_markup: keyboard }));
});

export { composer as searchFeature };
