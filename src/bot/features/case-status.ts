import { Composer } from "../composer.js";
import { isCloseReason, isReferralBody, type MoveDetail } from "../../complaints/statuses.js";
import { casePanel, detailChoice, historyText, PANEL } from "../case-panel.js";
import type { BotContext } from "../context.js";
import { isCaseworker } from "../filters.js";
import { sensitive } from "../protect.js";
import { splitMessage } from "../split.js";

const composer = new Composer<BotContext>();
// Only in a caseworker's private chat, and the role is read again for every press: a forged or forwarded
// button from anyone else falls through to the ordinary "this button no longer works" answer.
const feature = composer.chatType("private").filter(isCaseworker);

function moveOf(to: string, detail: string | undefined): MoveDetail | undefined {
  if (to === "referred") return isReferralBody(detail) ? { to, body: detail } : undefined;
  if (to === "closed") return isCloseReason(detail) ? { to, reason: detail } : undefined;
  return to === "in-review" || to === "needs-information" ? { to } : undefined;
}

feature.callbackQuery(PANEL.move, async (ctx) => {
  const [, code, to, detail] = ctx.match as RegExpMatchArray & [string, string, string, string | undefined];
  if ((to === "referred" || to === "closed") && detail === undefined) {
    await ctx.answerCallbackQuery();
    const { text, keyboard } = detailChoice(ctx.t, code, to);
    return ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  }
  const move = moveOf(to, detail);
  if (!move) return ctx.answerCallbackQuery({ text: ctx.t("unhandled-button") });
  const result = await ctx.cases.move(code, move, `staff:${ctx.from.id}`, Date.now());
  if (result.kind === "missing") return ctx.answerCallbackQuery({ text: ctx.t("case-not-found") });
  ctx.logger.info({ code, staff: ctx.from.id, to: move.to, result: result.kind }, "case status move");
  const status = result.kind === "moved" ? move.to : result.status;
  await ctx.answerCallbackQuery(result.kind === "refused" ? { text: ctx.t("case-move-refused", { status: ctx.t(`case-status-${status}`) }), show_alert: true } : {});
  const { text, keyboard } = casePanel(ctx.t, code, status);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
});

feature.callbackQuery(PANEL.history, async (ctx) => {
  const code = ctx.match[1]!;
  await ctx.answerCallbackQuery();
  const events = await ctx.cases.history(code);
  if (events.length === 0) return ctx.reply(ctx.t("case-not-found"));
  for (const part of splitMessage(historyText(ctx.t, code, events).split("\n"))) await ctx.reply(part, sensitive({ parse_mode: "HTML" as const }));
});

export { composer as caseStatusFeature };
