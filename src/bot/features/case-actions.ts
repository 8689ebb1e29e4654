import { GrammyError, InlineKeyboard } from "grammy";
import { Composer } from "../composer.js";
import { NARRATIVE_MAX } from "../../complaints/model.js";
import { isCloseReason, isReferralBody, type MoveDetail } from "../../complaints/statuses.js";
import { actorIds, assigneeChoice, casePanel, detailChoice, historyMessages, PANEL } from "../case-panel.js";
import { NOTE_PROMPT } from "../reply-prompts.js";
import type { BotContext } from "../context.js";
import { isCaseworker, onlyFor } from "../filters.js";
import { sensitive } from "../protect.js";
import { CASE_DATA, caseMessages } from "../report-view.js";

const composer = new Composer<BotContext>();
// Only in a caseworker's private chat, and the role is read again for every press: a forged or forwarded
// button from anyone else falls through to the ordinary "this button no longer works" answer.
const feature = composer.chatType("private");
const caseworkers = onlyFor(isCaseworker);

function moveOf(to: string, detail: string | undefined): MoveDetail | undefined {
  if (to === "referred") return isReferralBody(detail) ? { to, body: detail } : undefined;
  if (to === "closed") return isCloseReason(detail) ? { to, reason: detail } : undefined;
  return to === "in-review" || to === "needs-information" ? { to } : undefined;
}

feature.callbackQuery(PANEL.move, caseworkers(async (ctx) => {
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
  await showPanel(ctx, code);
  if (result.kind === "moved" && move.to === "referred") await sendReferral(ctx, code);
}));

// What the caseworker passes on: the case without the way to reach the reporter, unless they said yes.
async function sendReferral(ctx: BotContext & { from: { id: number } }, code: string) {
  const stored = await ctx.cases.get(code);
  if (!stored) return;
  await ctx.cases.logAccess(code, `staff:${ctx.from.id}`);
  for (const part of caseMessages(ctx.t, stored, "referral")) await ctx.reply(part, sensitive({ parse_mode: "HTML" as const }));
}

/** The panel again, as the case now is (another caseworker may have acted meanwhile). */
async function showPanel(ctx: BotContext & { from: { id: number } }, code: string) {
  const item = await ctx.cases.line(code);
  if (!item) return;
  const { text, keyboard } = casePanel(ctx.t, item, ctx.from.id, await ctx.roleStore.names(item.assignee === undefined ? [] : [item.assignee]));
  // A second press of the same move or «Take it» leaves the panel as it was, which Telegram refuses to "edit".
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch((err: unknown) => {
    if (!(err instanceof GrammyError && err.description.includes("message is not modified"))) throw err;
  });
}

feature.callbackQuery(PANEL.panel, caseworkers(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPanel(ctx, ctx.match[1]!);
}));

// Taking a case, or giving it to someone: only to a caseworker or admin, checked now, not trusted from the
// button. The new assignee is told in their private chat, with «Open».
feature.callbackQuery(PANEL.assign, caseworkers(async (ctx) => {
  const [, code, target] = ctx.match as RegExpMatchArray & [string, string, string];
  if (target === "?") {
    await ctx.answerCallbackQuery();
    const caseworkerIds = await ctx.roleStore.caseworkers();
    const { text, keyboard } = assigneeChoice(ctx.t, code, caseworkerIds, await ctx.roleStore.names(caseworkerIds));
    return ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
  }
  const assignee = Number(target);
  const roles = await ctx.roleStore.rolesOf(assignee);
  if (!roles.includes("caseworker") && !roles.includes("admin")) return ctx.answerCallbackQuery({ text: ctx.t("case-not-caseworker"), show_alert: true });
  const result = await ctx.cases.assign(code, assignee, `staff:${ctx.from.id}`, Date.now());
  if (result.kind === "missing") return ctx.answerCallbackQuery({ text: ctx.t("case-not-found") });
  ctx.logger.info({ code, staff: ctx.from.id, assignee, result: result.kind }, "case assignment");
  if (result.kind === "same") await ctx.answerCallbackQuery({ text: ctx.t("case-already-assigned") });
  if (result.kind === "assigned" && assignee !== ctx.from.id) {
    // In the language the assignee uses the bot in, when known; otherwise in the one of who gave it.
    const locale = (await ctx.roleStore.localeOf(assignee)) ?? (await ctx.i18n.getLocale());
    const t = (key: string, variables?: Record<string, string | number>) => ctx.translateFor(locale, key, variables);
    const open = new InlineKeyboard().text(t("staff-alert-open"), CASE_DATA.open(code));
    const told = await ctx.api.sendMessage(assignee, t("case-assigned-to-you", { code }), { parse_mode: "HTML", reply_markup: open }).then(() => true, (err: unknown) => {
      ctx.logger.warn({ err, code, assignee }, "could not tell a caseworker a case was assigned to them");
      return false;
    });
    if (!told) await ctx.answerCallbackQuery({ text: ctx.t("case-assignee-not-told"), show_alert: true });
  }
  await ctx.answerCallbackQuery().catch(() => undefined);
  await showPanel(ctx, code);
}));

feature.callbackQuery(PANEL.history, caseworkers(async (ctx) => {
  const code = ctx.match[1]!;
  await ctx.answerCallbackQuery();
  const events = await ctx.cases.history(code);
  if (events.length === 0) return ctx.reply(ctx.t("case-not-found"));
  await ctx.cases.logHistoryView(code, `staff:${ctx.from.id}`);
  const names = await ctx.roleStore.names(actorIds(events));
  for (const part of historyMessages(ctx.t, code, events, names)) await ctx.reply(part, sensitive({ parse_mode: "HTML" as const }));
}));

// A note: the caseworker answers a prompt that names the case; the answer, sent as a reply to it, is the
// note. Notes are encrypted in the case's history and never shown to the reporter.
feature.callbackQuery(PANEL.note, caseworkers(async (ctx) => {
  await ctx.answerCallbackQuery();
  await NOTE_PROMPT.send(ctx, ctx.match[1]!, ctx.t("case-note-ask", { code: ctx.match[1]! }), ctx.t("case-note-placeholder"));
}));

feature
  .on("message:text")
  .filter((ctx) => NOTE_PROMPT.answered(ctx) !== undefined)
  .use(
    caseworkers(async (ctx) => {
      const code = NOTE_PROMPT.answered(ctx)!;
      const text = ctx.msg.text.trim();
      if (text.length > NARRATIVE_MAX) return ctx.reply(ctx.t("case-note-too-long", { max: NARRATIVE_MAX }));
      NOTE_PROMPT.done(ctx);
      const saved = await ctx.cases.addNote(code, text, `staff:${ctx.from.id}`, Date.now());
      ctx.logger.info({ code, staff: ctx.from.id, saved }, "case note");
      await ctx.reply(ctx.t(saved ? "case-note-saved" : "case-not-found", { code }));
    }),
  );

export { composer as caseActionsFeature };
