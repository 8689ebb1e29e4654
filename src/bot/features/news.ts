import { GrammyError } from "grammy";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CALLBACK } from "../keyboards.js";
import { newsScreen, type NewsScreen } from "../news-view.js";
import { currentLocale, HTML, sendScreen } from "../screens.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

/**
 * «Older» and «Newer» edit the message in place. Telegram edits a text into a text and a photo into a
 * photo, never one into the other: between a text item and a photo item the message is replaced.
 */
async function show(ctx: BotContext, screen: NewsScreen) {
  const pressed = ctx.callbackQuery?.message;
  const other = { ...HTML, reply_markup: screen.keyboard };
  if (pressed) {
    try {
      const wasPhoto = pressed.photo !== undefined;
      if (!screen.photo && !wasPhoto) return await ctx.editMessageText(screen.text, other);
      if (screen.photo && wasPhoto) {
        return await ctx.editMessageMedia({ type: "photo", media: screen.photo, caption: screen.text, parse_mode: "HTML" }, { reply_markup: screen.keyboard });
      }
      await ctx.deleteMessage();
    } catch (err) {
      if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
      // Too old to edit or delete, or cleared: the item still has to appear.
    }
  }
  if (screen.photo) return ctx.replyWithPhoto(screen.photo, { caption: screen.text, ...other });
  return sendScreen(ctx, screen);
}

async function showNews(ctx: BotContext, wanted: number) {
  const locale = await currentLocale(ctx);
  let offset = wanted;
  let page = await ctx.news.page(offset, 1, locale);
  // Items unpublished since the buttons were made: the oldest that is left.
  if (page.items.length === 0 && page.total > 0) {
    offset = page.total - 1;
    page = await ctx.news.page(offset, 1, locale);
  }
  await show(ctx, newsScreen(ctx.t, page.items[0], locale, offset, page.total));
}

feature.command("news", (ctx) => showNews(ctx, 0));

feature.callbackQuery(CALLBACK.news, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showNews(ctx, 0);
});

feature.callbackQuery(CALLBACK.newsPage, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showNews(ctx, Number(ctx.match[1]));
});

export { composer as newsFeature };
