import type { TranslateFunction } from "@grammyjs/i18n";
import { LOCALES } from "../config.js";
import { PLACE_TYPES, REGIONS } from "../complaints/model.js";
import type { CaseStats } from "../complaints/stats.js";
import { STATUSES } from "../complaints/statuses.js";
import { escapeHtml } from "../html.js";
import type { ChartSection } from "../stats-chart.js";
import { localTime } from "./report-view.js";

const HOURS_PER_DAY = 24;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The statistics' blocks with their labels, shared by the message and the chart (which has room for short month names only). */
export function statsSections(t: TranslateFunction, stats: CaseStats, monthKey: "stats-month" | "stats-month-short" = "stats-month"): ChartSection[] {
  return [
    { title: t("stats-by-status"), rows: STATUSES.map((status) => ({ label: t(`case-status-${status}`), count: stats.byStatus[status] })) },
    { title: t("stats-by-region"), rows: REGIONS.map((region) => ({ label: t(`report-region-${region}`), count: stats.byRegion[region] })) },
    { title: t("stats-by-place"), rows: PLACE_TYPES.map((place) => ({ label: t(`report-place-${place}`), count: stats.byPlace[place] })) },
    {
      title: t("stats-by-month"),
      upright: true,
      rows: stats.byMonth.map(({ year, month, count }) => ({ label: t(monthKey, { month, year: String(year) }), count })),
    },
  ];
}

/** What the figures are and when they were read: the chart's heading, and the first lines of the message. */
export const statsHeading = (t: TranslateFunction, now: number) => ({ title: t("stats-title"), subtitle: t("stats-as-of", { time: localTime(now) }) });

/** The statistics as one HTML message: the totals, the median time to a first action, then each block. */
export function statsText(t: TranslateFunction, stats: CaseStats, now: number): string {
  const firstAction = stats.firstAction
    ? t("stats-first-action", {
        hours: oneDecimal(stats.firstAction.medianHours),
        days: oneDecimal(stats.firstAction.medianHours / HOURS_PER_DAY),
        cases: stats.firstAction.cases,
      })
    : t("stats-first-action-none");
  const blocks = statsSections(t, stats).map(({ title, rows }) =>
    [`<b>${escapeHtml(title)}</b>`, ...rows.map(({ label, count }) => escapeHtml(t("stats-row", { label, count })))].join("\n"),
  );
  const { title, subtitle } = statsHeading(t, now);
  const summary = [`<b>${escapeHtml(title)}</b>`, escapeHtml(subtitle), escapeHtml(t("stats-total", { total: stats.total, urgent: stats.urgent })), escapeHtml(firstAction)];
  return [summary.join("\n"), ...blocks].join("\n\n");
}

/**
 * The news subscribers by language and by region (from the counts kept with every subscription), and what
 * all broadcasts together sent.
 */
export function newsStatsText(t: TranslateFunction, counts: Record<string, number>, totals: { broadcasts: number; sent: number; failed: number; blocked: number }): string {
  const byLanguage = LOCALES.map((locale) => escapeHtml(t("stats-row", { label: t(`publish-language-${locale}`), count: counts[locale] ?? 0 })));
  const regions = new Map<string, number>();
  for (const [field, count] of Object.entries(counts)) {
    const region = field.split(":")[1];
    if (region && count > 0) regions.set(region, (regions.get(region) ?? 0) + count);
  }
  const byRegion = [...regions].sort((a, b) => b[1] - a[1]).map(([region, count]) => escapeHtml(t("stats-row", { label: t(`report-region-${region}`), count })));
  const total = LOCALES.reduce((sum, locale) => sum + (counts[locale] ?? 0), 0);
  return [
    [`<b>${escapeHtml(t("stats-subscribers", { total }))}</b>`, ...byLanguage].join("\n"),
    [`<b>${escapeHtml(t("stats-subscribers-by-region"))}</b>`, ...(byRegion.length ? byRegion : [escapeHtml(t("stats-subscribers-no-region"))])].join("\n"),
    [`<b>${escapeHtml(t("stats-broadcasts", { count: totals.broadcasts }))}</b>`, escapeHtml(t("stats-broadcasts-totals", totals))].join("\n"),
  ].join("\n\n");
}
