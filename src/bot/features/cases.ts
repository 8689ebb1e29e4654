import type { Api } from "grammy";
import { Composer } from "../composer.js";
import type { Attachment } from "../../complaints/model.js";
import type { BotContext } from "../context.js";
import { isCaseworker } from "../filters.js";
import { sensitive } from "../protect.js";
import { caseMessages, REPORT_CALLBACK } from "../report-view.js";

const composer = new Composer<BotContext>();

function sendAttachment(api: Api, chatId: number, { kind, fileId, caption }: Attachment) {
  // The caption is the person's own text: sent as plain text, so nothing in it is read as markup.
  const other = sensitive(caption ? { caption } : {});
  switch (kind) {
    case "photo":
      return api.sendPhoto(chatId, fileId, other);
    case "document":
      return api.sendDocument(chatId, fileId, other);
    case "voice":
      return api.sendVoice(chatId, fileId, other);
    case "video":
      return api.sendVideo(chatId, fileId, other);
  }
}

// «Open» under a staff alert. The full case goes only to a caseworker or admin, and only in their private
// chat; every opening is written to the audit stream. For anyone else the button does nothing here and
// falls through to the ordinary "this button no longer works" answer.
composer.callbackQuery(REPORT_CALLBACK.open).filter(isCaseworker, async (ctx) => {
  const code = ctx.match[1]!;
  const stored = await ctx.cases.get(code);
  if (!stored) return ctx.answerCallbackQuery({ text: ctx.t("case-not-found") });
  try {
    for (const part of caseMessages(ctx.t, stored)) await ctx.api.sendMessage(ctx.from.id, part, sensitive({ parse_mode: "HTML" as const }));
    const attachments = [...(stored.secret?.attachments ?? []), ...(stored.secret?.additions.flatMap((addition) => addition.attachments) ?? [])];
    for (const attachment of attachments) await sendAttachment(ctx.api, ctx.from.id, attachment);
  } catch (err) {
    ctx.logger.warn({ err, code }, "could not send a case to a caseworker's private chat");
    return ctx.answerCallbackQuery({ text: ctx.t("case-open-private-first"), show_alert: true });
  }
  await ctx.cases.logAccess(code, `staff:${ctx.from.id}`);
  ctx.logger.info({ code, staff: ctx.from.id }, "case opened");
  await ctx.answerCallbackQuery({ text: ctx.t("case-sent-privately") });
});

export { composer as casesFeature };
