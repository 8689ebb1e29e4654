import { InputFile } from "grammy";
import { Composer } from "../composer.js";
import { auditCsv } from "../../audit/csv.js";
import { staffActor, type AuditCursor, type AuditFilter } from "../../audit/stream.js";
import { bishkekIso } from "../../complaints/bishkek-time.js";
import { normalizeCaseCode } from "../../complaints/codes.js";
import { escapeHtml } from "../../html.js";
import { AUDIT, AUDIT_PAGE_SIZE, auditScreen, idsIn } from "../audit-view.js";
import type { BotContext } from "../context.js";
import { isAdmin, onlyFor } from "../filters.js";
import { sensitive } from "../protect.js";
import { sendScreen, showScreen } from "../screens.js";
import { personName } from "../staff-view.js";

const composer = new Composer<BotContext>();
// Admins only, in their private chat; the role is read again on every press.
const feature = composer.chatType("private");
const admins = onlyFor(isAdmin);

/** `/audit` alone, `/audit <case code>` or `/audit <staff member's Telegram id>`; undefined for anything else. */
function filterOf(arg: string): AuditFilter | undefined {
  if (arg === "") return {};
  if (/^\d{1,16}$/.test(arg)) return { staff: Number(arg) };
  const code = normalizeCaseCode(arg);
  return code ? { code } : undefined;
}

async function screen(ctx: BotContext, filter: AuditFilter, cursor: AuditCursor) {
  const page = await ctx.audit.page(filter, cursor, AUDIT_PAGE_SIZE);
  const ids = [...idsIn(page.entries), ...(filter.staff === undefined ? [] : [filter.staff])];
  const names = await ctx.roleStore.names(ids);
  return auditScreen(ctx.t, filter, page, (id) => escapeHtml(personName(ctx.t, id, names.get(id))));
}

// Opening the audit, or another filter of it, is itself written to it, before anything is shown; turning
// pages within one view is not.
const viewed = (ctx: BotContext & { from: { id: number } }, filter: AuditFilter) =>
  ctx.audit.write("audit:view", staffActor(ctx.from.id), {
    ...(filter.code === undefined ? {} : { filterCode: filter.code }),
    ...(filter.staff === undefined ? {} : { filterStaff: String(filter.staff) }),
  });

feature.command("audit", admins(async (ctx) => {
  const filter = filterOf(ctx.match.trim());
  if (!filter) return ctx.reply(ctx.t("audit-usage"));
  await viewed(ctx, filter);
  await sendScreen(ctx, await screen(ctx, filter, undefined));
}));

feature.callbackQuery(AUDIT.page, admins(async (ctx) => {
  const { filter, cursor } = AUDIT.decode([...ctx.match]);
  await ctx.answerCallbackQuery();
  if (!cursor) await viewed(ctx, filter);
  await showScreen(ctx, await screen(ctx, filter, cursor));
}));

// The whole stream as it is now, oldest first. The export is written to the audit before the file
// leaves; only once Telegram has the file may the entries in it be trimmed (see trimAudit).
feature.callbackQuery(AUDIT.export, admins(async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.audit.write("audit:export", staffActor(ctx.from.id));
  const last = (await ctx.audit.newestId())!;
  ctx.logger.info({ staff: ctx.from.id, last }, "audit exported");
  const file = new InputFile(auditCsv(ctx.audit.entries(last)), `audit-${bishkekIso(Date.now()).slice(0, 10)}.csv`);
  await ctx.replyWithDocument(file, sensitive({ caption: ctx.t("audit-export-done") }));
  await ctx.audit.markExported(last);
}));

export { composer as auditFeature };
