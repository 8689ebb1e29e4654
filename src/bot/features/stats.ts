import { InputFile } from "grammy";
import type { Redis } from "ioredis";
import { Composer } from "../composer.js";
import { logStats, readStats } from "../../complaints/stats.js";
import { statsChart } from "../../stats-chart.js";
import type { BotContext } from "../context.js";
import { isCaseworker, onlyFor } from "../filters.js";
import { sensitive } from "../protect.js";
import { newsStatsText, statsHeading, statsSections, statsText } from "../stats-view.js";

/** /stats for caseworkers and admins in their private chat: the counts as a message, then as a chart. */
export function statsFeature(redis: Redis) {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("stats", onlyFor(isCaseworker)(async (ctx) => {
    const now = Date.now();
    // Written before anything is shown, so no look at the figures goes unrecorded.
    await logStats(redis, `staff:${ctx.from.id}`);
    const stats = await readStats(redis, now);
    const news = newsStatsText(ctx.t, await ctx.subscribers.counts(), await ctx.broadcasts.totals());
    await ctx.reply(`${statsText(ctx.t, stats, now)}\n\n${news}`, sensitive({ parse_mode: "HTML" as const }));
    const heading = statsHeading(ctx.t, now);
    const chart = await statsChart(heading, statsSections(ctx.t, stats, "stats-month-short"), await ctx.i18n.getLocale());
    await ctx.replyWithPhoto(new InputFile(chart, "stats.png"), sensitive({ caption: `${heading.title}\n${heading.subtitle}` }));
  }));
  return composer;
}
