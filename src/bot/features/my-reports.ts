import { InlineKeyboard } from "grammy";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { CHECK } from "../conversations/check.js";
import { REPORT } from "../conversations/report.js";
import { homeButton } from "../keyboards.js";
import { askAgainKeyboard, CASE_DATA, localDate, REPORT_CALLBACK } from "../report-view.js";
import { sendScreen, showScreen, type Screen } from "../screens.js";
import { sensitive } from "../protect.js";

const composer = new Composer<BotContext>();
const feature = composer.chatType("private");

async function myReports(ctx: BotContext & { from: { id: number } }): Promise<Screen> {
  const cases = await ctx.cases.listOwn(ctx.from.id);
  // The list reads only the plain fields, whose times say just the hour: the date is shown, not a made-up time.
  const lines = cases.map((item) => `<code>${item.code}</code> — ${localDate(item.createdAt)} — ${ctx.t(`case-status-${item.status}`)}`);
  const keyboard = new InlineKeyboard();
  for (const item of cases.filter((entry) => entry.status !== "withdrawn")) {
    keyboard.text(ctx.t("mine-withdraw", { code: item.code }), CASE_DATA.withdrawAsk(item.code)).row();
  }
  keyboard.text(ctx.t("mine-check"), REPORT_CALLBACK.check).row().add(homeButton(ctx.t));
  const text = [`<b>${ctx.t("mine-title")}</b>`, cases.length ? lines.join("\n") : ctx.t("mine-none")].join("\n\n");
  return { text, keyboard };
}

async function enterCheck(ctx: BotContext) {
  if (ctx.conversation.active(REPORT) > 0) return ctx.reply(ctx.t("report-in-progress"), { reply_markup: askAgainKeyboard(ctx.t) });
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(CHECK);
}

// The list reveals what the person reported, so it is kept from being forwarded.
feature.command("status", async (ctx) => sendScreen(ctx, await myReports(ctx), sensitive({})));
feature.command("check", enterCheck);

feature.callbackQuery(REPORT_CALLBACK.mine, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await myReports(ctx));
});

feature.callbackQuery(REPORT_CALLBACK.check, async (ctx) => {
  await ctx.answerCallbackQuery();
  await enterCheck(ctx);
});

// Withdrawing from «My reports» needs no PIN: the case belongs to this very account. Anyone else's code
// in a forged button gets the same answer as a code that does not exist.
feature.callbackQuery(REPORT_CALLBACK.withdrawAsk, async (ctx) => {
  await ctx.answerCallbackQuery();
  const code = ctx.match[1]!;
  if (!(await ctx.cases.isOwn(ctx.from.id, code))) return;
  const keyboard = new InlineKeyboard().text(ctx.t("withdraw-yes"), CASE_DATA.withdrawYes(code)).row().text(ctx.t("withdraw-no"), REPORT_CALLBACK.mine);
  await showScreen(ctx, { text: ctx.t("withdraw-confirm", { code }), keyboard });
});

feature.callbackQuery(REPORT_CALLBACK.withdrawYes, async (ctx) => {
  await ctx.answerCallbackQuery();
  const code = ctx.match[1]!;
  if (!(await ctx.cases.isOwn(ctx.from.id, code))) return;
  await ctx.cases.withdraw(code, "reporter", Date.now());
  await ctx.reply(ctx.t("withdraw-done", { code }), { parse_mode: "HTML" });
  await showScreen(ctx, await myReports(ctx));
});

export { composer as myReportsFeature };
