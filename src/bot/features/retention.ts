import { Composer } from "../composer.js";
import { EXTENSION_DAYS } from "../../complaints/retention.js";
import { casePanel, PANEL } from "../case-panel.js";
import type { BotContext } from "../context.js";
import { isAdmin, onlyFor } from "../filters.js";
import { localDate } from "../report-view.js";

const composer = new Composer<BotContext>();
const admins = onlyFor(isAdmin);

// «Keep longer», on a closed case's panel or under the warning of deletions to come: admins only, since
// they answer for how long personal data is kept.
composer.chatType("private").callbackQuery(PANEL.extend, admins(async (ctx) => {
  const code = ctx.match[1]!;
  const until = await ctx.cases.extendRetention(code, EXTENSION_DAYS, `staff:${ctx.from.id}`, Date.now());
  ctx.logger.info({ code, staff: ctx.from.id, extended: until !== undefined }, "retention extended");
  const text = until === undefined ? ctx.t("case-extend-none", { code }) : ctx.t("case-extended", { code, date: localDate(until), days: EXTENSION_DAYS });
  await ctx.answerCallbackQuery({ text, show_alert: true });
  // Pressed on a case panel: the panel shows the new date (or that there is none now).
  const pressed = ctx.callbackQuery.message;
  const onPanel = pressed?.reply_markup?.inline_keyboard.flat().some((button) => "callback_data" in button && button.callback_data === PANEL.historyData(code));
  const item = onPanel ? await ctx.cases.line(code) : undefined;
  if (!item) return;
  const { text: panelText, keyboard } = casePanel(ctx.t, item, ctx.from.id, await ctx.roleStore.names(item.assignee === undefined ? [] : [item.assignee]));
  await ctx.editMessageText(panelText, { parse_mode: "HTML", reply_markup: keyboard }).catch(() => undefined);
}));

export { composer as retentionFeature };
