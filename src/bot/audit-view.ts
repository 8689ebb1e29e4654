import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { actionLabel } from "../audit/actions.js";
import { actorId, type AuditCursor, type AuditEntry, type AuditFilter, type AuditPage } from "../audit/stream.js";
import { escapeHtml } from "../html.js";
import { localTime } from "./report-view.js";
import type { Screen } from "./screens.js";

export const AUDIT_PAGE_SIZE = 15;

/**
 * Callback data of /audit: `au:f:<filter>` is the newest page, `au:o:<id>:<filter>` the entries older than
 * a stream id and `au:n:<id>:<filter>` those newer; the filter is `-` (all), `c<case code>` or `s<staff id>`.
 */
export const AUDIT = {
  page: /^au:(?:([on]):(\d{1,16}-\d{1,20})|f):(-|c[A-Z0-9-]{1,20}|s\d{1,16})$/,
  export: "au:x",
  data(filter: AuditFilter, cursor?: AuditCursor) {
    const where = filter.code !== undefined ? `c${filter.code}` : filter.staff !== undefined ? `s${filter.staff}` : "-";
    const from = !cursor ? "f" : "older" in cursor ? `o:${cursor.older}` : `n:${cursor.newer}`;
    return `au:${from}:${where}`;
  },
  decode([, direction, id, where]: string[]): { filter: AuditFilter; cursor: AuditCursor } {
    const filter = where?.startsWith("c") ? { code: where.slice(1) } : where?.startsWith("s") ? { staff: Number(where.slice(1)) } : {};
    const cursor = direction === "o" ? { older: id! } : direction === "n" ? { newer: id! } : undefined;
    return { filter, cursor };
  },
} as const;

/** The Telegram ids an audit page names: who acted, and whom it concerned. */
export const idsIn = (entries: AuditEntry[]) =>
  entries.flatMap((entry) => [actorId(entry.actor), actionLabel(entry)?.person]).filter((id): id is number => id !== undefined);

/** Names are HTML-escaped here, since anyone chooses their own. */
function line(t: TranslateFunction, entry: AuditEntry, nameOf: (id: number) => string): string {
  const actor = actorId(entry.actor);
  const who = actor === undefined ? escapeHtml(entry.actor) : nameOf(actor);
  const label = actionLabel(entry);
  const what = label
    ? t(label.key, {
        status: label.status ? t(`case-status-${label.status}`) : "",
        role: label.role ? t(`role-${label.role}`) : "",
        person: label.person === undefined ? "" : nameOf(label.person),
      })
    : escapeHtml(entry.action);
  return [localTime(entry.at), who, what, ...(entry.code ? [`<code>${escapeHtml(entry.code)}</code>`] : [])].join(" · ");
}

export function auditScreen(t: TranslateFunction, filter: AuditFilter, page: AuditPage, nameOf: (id: number) => string): Screen {
  const title = filter.code !== undefined
    ? t("audit-title-case", { code: filter.code })
    : filter.staff !== undefined
      ? t("audit-title-staff", { name: nameOf(filter.staff) })
      : t("audit-title");
  const empty = page.older ? t("audit-nothing-yet") : t("audit-empty");
  const lines = page.entries.length > 0 ? page.entries.map((entry) => line(t, entry, nameOf)) : [empty];
  const rows = [
    [
      ...(page.newer ? [InlineKeyboard.text(t("audit-newer"), AUDIT.data(filter, { newer: page.newer }))] : []),
      ...(page.older ? [InlineKeyboard.text(t("audit-older"), AUDIT.data(filter, { older: page.older }))] : []),
    ],
    filter.code !== undefined || filter.staff !== undefined ? [InlineKeyboard.text(t("audit-all"), AUDIT.data({}))] : [],
    [InlineKeyboard.text(t("audit-export"), AUDIT.export)],
  ];
  return { text: [`<b>${title}</b>`, ...lines].join("\n"), keyboard: new InlineKeyboard(rows.filter((row) => row.length > 0)) };
}
