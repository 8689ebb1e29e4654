import { InlineKeyboard, InputFile } from "grammy";
import { Composer } from "../composer.js";
import { casesCsv, withStaffNames } from "../../complaints/export.js";
import { bishkekIso } from "../../complaints/bishkek-time.js";
import type { BotContext } from "../context.js";
import { isAdmin, onlyFor } from "../filters.js";
import { sensitive } from "../protect.js";

const composer = new Composer<BotContext>();
// Admins only, in their private chat; the role is read again on every press.
const feature = composer.chatType("private");
const admins = onlyFor(isAdmin);

const DATA = { plain: "ex:plain", content: "ex:content", contentSure: "ex:content:yes", cancel: "ex:no" } as const;

feature.command("export", admins(async (ctx) => {
  const keyboard = new InlineKeyboard().text(ctx.t("export-plain"), DATA.plain).row().text(ctx.t("export-content"), DATA.content).row().text(ctx.t("export-cancel"), DATA.cancel);
  await ctx.reply(ctx.t("export-choose"), { reply_markup: keyboard });
}));

// Decrypted names, contacts and accounts leave the bot only after an explicit second yes.
feature.callbackQuery(DATA.content, admins(async (ctx) => {
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard().text(ctx.t("export-content-yes"), DATA.contentSure).row().text(ctx.t("export-cancel"), DATA.cancel);
  await ctx.editMessageText(ctx.t("export-content-confirm"), { reply_markup: keyboard });
}));

feature.callbackQuery(DATA.cancel, admins(async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("export-cancelled"));
}));

feature.callbackQuery([DATA.plain, DATA.contentSure], admins(async (ctx) => {
  const withContent = ctx.callbackQuery.data === DATA.contentSure;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("export-preparing"));
  const actor = `staff:${ctx.from.id}`;
  // Written to the audit stream before the file leaves, so no export goes unrecorded.
  await ctx.cases.logExport(actor, withContent);
  ctx.logger.info({ staff: ctx.from.id, withContent }, "cases exported");
  const name = `cases-${withContent ? "full" : "plain"}-${bishkekIso(Date.now()).slice(0, 10)}.csv`;
  const rows = withStaffNames(ctx.cases.exportRows(withContent), (ids) => ctx.roleStore.names(ids));
  const file = new InputFile(casesCsv(rows, withContent), name);
  await ctx.replyWithDocument(file, sensitive({ caption: ctx.t(withContent ? "export-done-content" : "export-done-plain") }));
}));

export { composer as exportFeature };
