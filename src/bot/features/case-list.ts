import { GrammyError } from "grammy";
import { Composer } from "../composer.js";
import type { CaseFilter } from "../../complaints/store.js";
import { caseListScreen, LIST, PAGE_SIZE } from "../case-list-view.js";
import type { BotContext } from "../context.js";
import { isCaseworker } from "../filters.js";

const composer = new Composer<BotContext>();
// In a caseworker's or admin's private chat only; the role is read again on every press, so a forged
// button from anyone else falls through to the ordinary "this button no longer works".
const feature = composer.chatType("private").filter(isCaseworker);

async function screen(ctx: BotContext, filter: CaseFilter, offset: number) {
  const page = await ctx.cases.list(filter, offset, PAGE_SIZE);
  return caseListScreen(ctx.t, filter, offset, page, Date.now());
}

feature.command("cases", async (ctx) => {
  const { text, keyboard } = await screen(ctx, {}, 0);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
});

// Filters and pages edit the list in place.
feature.callbackQuery(LIST.data, async (ctx) => {
  const state = LIST.decode([...ctx.match]);
  if (!state) return ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") });
  await ctx.answerCallbackQuery();
  const { text, keyboard } = await screen(ctx, state.filter, state.offset);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch((err: unknown) => {
    if (!(err instanceof GrammyError && err.description.includes("message is not modified"))) throw err;
  });
});

export { composer as caseListFeature };
