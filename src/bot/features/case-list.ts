import { GrammyError } from "grammy";
import { Composer } from "../composer.js";
import { caseListScreen, LIST, PAGE_SIZE, type ListState } from "../case-list-view.js";
import type { BotContext } from "../context.js";
import { isCaseworker, onlyFor } from "../filters.js";
import { cutoffsOf } from "../../complaints/deadlines.js";

const composer = new Composer<BotContext>();
// In a caseworker's or admin's private chat only; the role is read again on every press, so a forged
// button from anyone else falls through to the ordinary "this button no longer works".
const feature = composer.chatType("private");
const caseworkers = onlyFor(isCaseworker);

async function screen(ctx: BotContext & { from: { id: number } }, state: ListState) {
  const now = Date.now();
  const cutoffs = cutoffsOf(ctx.config.deadlines, now);
  const filter = { ...state.filter, ...(state.mine ? { assignee: ctx.from.id } : {}), ...(state.overdue ? { overdue: cutoffs } : {}) };
  const page = await ctx.cases.list(filter, state.offset, PAGE_SIZE);
  const names = await ctx.roleStore.names(page.cases.flatMap((item) => (item.assignee === undefined ? [] : [item.assignee])));
  return caseListScreen(ctx.t, state, page, now, cutoffs, names);
}

feature.command("cases", caseworkers(async (ctx) => {
  const { text, keyboard } = await screen(ctx, { filter: {}, mine: false, overdue: false, offset: 0 });
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}));

// Filters and pages edit the list in place.
feature.callbackQuery(LIST.data, caseworkers(async (ctx) => {
  const state = LIST.decode([...ctx.match]);
  if (!state) return ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") });
  await ctx.answerCallbackQuery();
  const { text, keyboard } = await screen(ctx, state);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch((err: unknown) => {
    if (!(err instanceof GrammyError && err.description.includes("message is not modified"))) throw err;
  });
}));

export { composer as caseListFeature };
