import { REPORTS_PER_DAY } from "../complaints/store.js";
import type { BotContext } from "./context.js";
import { REPORT } from "./conversations/report.js";
import { askAgainKeyboard } from "./report-view.js";

/** The menu entry, /report and the t.me/<bot>?start=report link all start a report here. */
export async function enterReport(ctx: BotContext) {
  if (ctx.conversation.active(REPORT) > 0) return ctx.reply(ctx.t("report-in-progress"), { reply_markup: askAgainKeyboard(ctx.t) });
  if ((await ctx.cases.reportsToday(ctx.from!.id, Date.now())) >= REPORTS_PER_DAY) {
    return ctx.reply(ctx.t("report-limit", { max: REPORTS_PER_DAY }));
  }
  // Any other form (a code check) gives way: only one conversation runs at a time.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(REPORT);
}
