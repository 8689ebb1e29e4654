import { Composer } from "../composer.js";
import { EXTENSION_DAYS } from "../../complaints/retention.js";
import { PANEL } from "../case-panel.js";
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
}));

export { composer as retentionFeature };
