import { GrammyError, type Api } from "grammy";
import { Composer } from "../composer.js";
import type { Attachment } from "../../complaints/model.js";
import { stripBidi } from "../../html.js";
import type { BotContext } from "../context.js";
import { isCaseworker } from "../filters.js";
import { sensitive } from "../protect.js";
import { casePanel, PANEL } from "../case-panel.js";
import { caseMessages, REPORT_CALLBACK } from "../report-view.js";

const composer = new Composer<BotContext>();

function sendAttachment(api: Api, chatId: number, { kind, fileId, caption }: Attachment) {
  // The caption is the person's own text: sent as plain text, so nothing in it is read as markup.
  const other = sensitive(caption ? { caption: stripBidi(caption) } : {});
  switch (kind) {
    case "photo":
      return api.sendPhoto(chatId, fileId, other);
    case "document":
      return api.sendDocument(chatId, fileId, other);
    case "voice":
      return api.sendVoice(chatId, fileId, other);
    case "video":
      return api.sendVideo(chatId, fileId, other);
    case "video_note": // a video note has no caption
      return api.sendVideoNote(chatId, fileId, sensitive({}));
  }
}

// «Open» under a staff alert. The full case goes only to a caseworker or admin, and only in their private
// chat; every opening is written to the audit stream. For anyone else the button does nothing here and
// falls through to the ordinary "this button no longer works" answer.
composer.callbackQuery(REPORT_CALLBACK.open).filter(isCaseworker, async (ctx) => {
  const code = ctx.match[1]!;
  const staffId = ctx.from.id;
  const stored = await ctx.cases.get(code);
  if (!stored) return ctx.answerCallbackQuery({ text: ctx.t("case-not-found") });
  let delivered = 0;
  try {
    for (const part of caseMessages(ctx.t, stored)) {
      await ctx.api.sendMessage(staffId, part, sensitive({ parse_mode: "HTML" as const }));
      delivered++;
    }
  } catch (err) {
    ctx.logger.warn({ err, code }, "could not send a case to a caseworker's private chat");
    // Telegram answers 403 when the caseworker has never started a private chat with the bot.
    const reason = err instanceof GrammyError && err.error_code === 403 ? "case-open-private-first" : "case-open-failed";
    // Part of the case reached them: that counts as seen.
    if (delivered > 0) await ctx.cases.logAccess(code, `staff:${staffId}`);
    return ctx.answerCallbackQuery({ text: ctx.t(reason), show_alert: true });
  }
  // The details have been seen.
  await ctx.cases.logAccess(code, `staff:${staffId}`);
  ctx.logger.info({ code, staff: staffId }, "case opened");
  // What can be done with the case comes last, under everything it holds.
  const panel = casePanel(ctx.t, stored, staffId, await ctx.roleStore.names(stored.assignee === undefined ? [] : [stored.assignee]));
  await ctx.api.sendMessage(staffId, panel.text, sensitive({ parse_mode: "HTML" as const, reply_markup: panel.keyboard })).catch((err: unknown) => ctx.logger.warn({ err, code }, "could not send the case panel"));
  await ctx.answerCallbackQuery({ text: ctx.t("case-sent-privately") });
});

// «Files» on the panel: each file of the case again, protected, and the look is audited first. The
// recorded narrative comes first, as it did in the form, then the evidence and what was added later.
composer.callbackQuery(PANEL.evidence).filter(isCaseworker, async (ctx) => {
  const code = ctx.match[1]!;
  const staffId = ctx.from.id;
  const stored = await ctx.cases.get(code);
  if (!stored?.secret) return ctx.answerCallbackQuery({ text: ctx.t("case-evidence-none") });
  const { recordings = [], attachments: evidence } = stored.secret;
  const attachments = [...recordings, ...evidence, ...stored.additions.flatMap((addition) => addition.attachments)];
  if (attachments.length === 0) return ctx.answerCallbackQuery({ text: ctx.t("case-evidence-none") });
  await ctx.cases.logEvidence(code, `staff:${staffId}`);
  ctx.logger.info({ code, staff: staffId, files: attachments.length }, "case files viewed");
  // Answered now: sending many files can outlast the time Telegram allows for answering a press.
  await ctx.answerCallbackQuery();
  // Named first, so that with several cases open the files are not taken for another case's.
  await ctx.api.sendMessage(staffId, ctx.t("case-evidence-header", { code, count: attachments.length }), sensitive({ parse_mode: "HTML" as const }));
  const failed: number[] = [];
  for (const [index, attachment] of attachments.entries()) {
    await sendAttachment(ctx.api, staffId, attachment).catch((err: unknown) => {
      ctx.logger.warn({ err, code, attachment: index + 1 }, "could not send an attachment of a case");
      failed.push(index + 1);
    });
  }
  if (failed.length === 0) return;
  const text = ctx.t("case-attachments-failed", { count: failed.length, parts: failed.join(", "), total: attachments.length });
  await ctx.api.sendMessage(staffId, text).catch((err: unknown) => ctx.logger.warn({ err, code }, "could not say which attachments failed"));
});

export { composer as casesFeature };
