import { describe, expect, it } from "vitest";
import { actionLabel } from "../src/audit/actions.js";
import { AUDIT_COLUMNS } from "../src/audit/csv.js";
import { createAuditLog, entryOf } from "../src/audit/stream.js";
import { trimAudit } from "../src/audit/trim.js";
import { AUDIT_PAGE_SIZE } from "../src/bot/audit-view.js";
import { LOCALES } from "../src/config.js";
import { KEYS } from "../src/redis.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { labels } from "./report-helpers.js";

const redis = useRedis();
const log = createAuditLog(redis);
const CASE = "ACD-EFG-HJK";
const OTHER_CASE = "MNP-QRT-UVW";

function adminBot() {
  const adminId = newUserId();
  const bot = createTestBot(redis, { env: { ADMIN_IDS: String(adminId) } });
  return { bot, l: labels(bot, "ru"), admin: bot.user({ id: adminId, language_code: "ru", first_name: "Asel" }) };
}

const lines = (text: string) => text.split("\n").slice(1);

/** Every action the bot writes today, as the code writes it (see the XADD calls in src). */
const KNOWN = [
  { action: "opened", code: CASE }, { action: "note", code: CASE }, { action: "assigned", code: CASE, assignee: "700" },
  ...["in-review", "needs-information", "referred", "closed"].map((status) => ({ action: `status:${status}`, code: CASE })),
  { action: "export:plain" }, { action: "export:content" }, { action: "role:grant", target: "700", role: "editor" },
  { action: "role:revoke", target: "700", role: "admin" }, { action: "audit:view" }, { action: "audit:export" },
];

describe("the audit", () => {
  it("labels every action the bot writes, in both languages, and shows an unknown one as written", async () => {
    const bot = createTestBot(redis);
    for (const { action, ...fields } of KNOWN) {
      const entry = entryOf(["1-0", ["action", action, "actor", "staff:1", ...Object.entries(fields).flat()]]);
      const label = actionLabel(entry);
      expect(label, action).toBeDefined();
      for (const locale of LOCALES) expect(bot.i18n.t(locale, label!.key, { status: "", role: "", person: "" })).not.toBe(label!.key);
    }
    expect(actionLabel(entryOf(["1-0", ["action", "consent:asked", "actor", "staff:1"]]))).toBeUndefined();
    expect(actionLabel(entryOf(["1-0", ["action", "status:nonsense", "actor", "staff:1"]]))).toBeUndefined();
  });

  it("lists the newest entries in pages, with names, and «Older» and «Newer» edit the one message", async () => {
    await redis.flushdb();
    const { l, admin } = adminBot();
    const worker = newUserId();
    await redis.hset(KEYS.staffNames, String(worker), "Айгуль <i>");
    for (let i = 0; i < 20; i++) await log.write("opened", `staff:${worker}`, { code: i % 2 ? CASE : OTHER_CASE });
    await log.write("future:thing", `staff:${worker}`);
    await log.write("assigned", `staff:${worker}`, { code: CASE, assignee: String(admin.id) });
    await admin.send("/audit");
    const first = lines(admin.last.text);
    expect(admin.last.text.split("\n")[0]).toBe(`<b>${l("audit-title")}</b>`);
    expect(first).toHaveLength(AUDIT_PAGE_SIZE);
    // Newest first: this very view, then the assignment, then the unknown action shown as written.
    expect(first[0]).toMatch(new RegExp(`^\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d · Asel · ${l("audit-action-audit-view")}$`));
    expect(first[1]).toContain(`Айгуль &lt;i&gt; · ${l("audit-action-assigned", { person: "Asel" })} · <code>${CASE}</code>`);
    expect(first[2]).toContain(" · future:thing");
    expect(buttonsOf(admin.last).map(buttonText)).not.toContain(l("audit-newer"));
    const markup = admin.last.reply_markup;
    expect(markup && "inline_keyboard" in markup && markup.inline_keyboard.every((row) => row.length > 0)).toBe(true);
    await admin.click(l("audit-older"));
    expect(admin.messages).toHaveLength(1);
    const second = lines(admin.last.text);
    expect(second).toHaveLength(23 - AUDIT_PAGE_SIZE);
    expect(buttonsOf(admin.last).map(buttonText)).not.toContain(l("audit-older"));
    await admin.click(l("audit-newer"));
    expect(lines(admin.last.text)).toEqual(first);
    expect(admin.messages).toHaveLength(1);
  });

  it("keeps a staff member as their bare id in the stream, and reads entries of either form as staff:<id>", async () => {
    await redis.flushdb();
    await log.write("opened", "staff:700000006", { code: CASE });
    await redis.xadd(KEYS.audit, "*", "action", "opened", "code", CASE, "actor", "staff:7"); // as earlier versions wrote it
    await log.write("purged", "retention", { code: CASE });
    const raw = await redis.xrange(KEYS.audit, "-", "+");
    expect(raw[0]![1]).toEqual(["action", "opened", "actor", "700000006", "code", CASE]);
    expect(raw.map(entryOf).map((entry) => entry.actor)).toEqual(["staff:700000006", "staff:7", "retention"]);
    expect((await log.page({ staff: 700000006 }, undefined, 10)).entries.map((entry) => entry.code)).toEqual([CASE]);
  });

  it("filters by case and by staff member, by command or from /staff, and writes each view to the audit", async () => {
    await redis.flushdb();
    const { l, admin } = adminBot();
    const worker = newUserId();
    await log.write("opened", `staff:${worker}`, { code: CASE });
    await log.write("opened", `staff:${worker}`, { code: OTHER_CASE });
    await log.write("note", "staff:42", { code: CASE });
    await log.write("role:grant", `staff:${admin.id}`, { target: String(worker), role: "caseworker" });

    await admin.send(`/audit ${CASE.toLowerCase()}`);
    expect(admin.last.text.split("\n")[0]).toBe(`<b>${l("audit-title-case", { code: CASE })}</b>`);
    expect(lines(admin.last.text).map((line) => line.split(" · ").slice(1).join(" · "))).toEqual([
      `id 42 · ${l("audit-action-note")} · <code>${CASE}</code>`, `id ${worker} · ${l("audit-action-opened")} · <code>${CASE}</code>`,
    ]);
    await admin.click(l("audit-all"));
    expect(lines(admin.last.text)).toHaveLength(6);

    await admin.send(`/audit ${worker}`);
    const mine = lines(admin.last.text).map((line) => line.split(" · ").slice(1, 3).join(" · "));
    expect(mine).toEqual([
      `Asel · ${l("audit-action-role-grant", { role: l("role-caseworker"), person: `id ${worker}` })}`,
      `id ${worker} · ${l("audit-action-opened")}`, `id ${worker} · ${l("audit-action-opened")}`,
    ]);
    await admin.send(`/staff ${worker}`);
    await admin.click(l("staff-audit"));
    expect(admin.last.text.split("\n")[0]).toBe(`<b>${l("audit-title-staff", { name: `id ${worker}` })}</b>`);
    expect(lines(admin.last.text)).toHaveLength(3);

    await admin.send("/audit nonsense");
    expect(admin.last.text).toBe(l("audit-usage"));
    const views = (await redis.xrange(KEYS.audit, "-", "+")).map(entryOf).filter((entry) => entry.action === "audit:view");
    expect(views.map((entry) => entry.details)).toEqual([{ filterCode: CASE }, {}, { filterStaff: String(worker) }, { filterStaff: String(worker) }]);
    expect(views.every((entry) => entry.actor === `staff:${admin.id}`)).toBe(true);
  });

  it("reads a bounded number of entries per page, so a rare filter pages on from where it stopped", async () => {
    await redis.flushdb();
    await log.write("opened", "staff:1", { code: CASE });
    for (let i = 0; i < 30; i++) await log.write("opened", "staff:2", { code: OTHER_CASE });
    const small = createAuditLog(redis, 10);
    let page = await small.page({ code: CASE }, undefined, 5);
    let turns = 0;
    while (page.entries.length === 0 && page.older) {
      page = await small.page({ code: CASE }, { older: page.older }, 5);
      turns++;
    }
    expect(turns).toBe(3);
    expect(page.entries.map((entry) => entry.actor)).toEqual(["staff:1"]);
    expect(page.older).toBeUndefined();
  });

  it("exports everything as a CSV with a BOM, with protect_content, and records what was exported", async () => {
    await redis.flushdb();
    const { bot, l, admin } = adminBot();
    await log.write("opened", "staff:7", { code: CASE });
    await log.write("assigned", "staff:7", { code: CASE, assignee: "8" });
    await admin.send("/audit");
    await admin.click(l("audit-export"));
    const sent = bot.telegram.calls.filter((call) => call.method === "sendDocument");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ chat_id: admin.id, protect_content: true, caption: l("audit-export-done") });
    const file = sent[0]!.payload.document as { name: string; bytes: Buffer };
    expect(file.name).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = file.bytes.toString("utf8").slice(1).trim().split("\n");
    expect(csv[0]).toBe(AUDIT_COLUMNS.join(","));
    expect(csv).toHaveLength(5);
    expect(csv[1]).toMatch(new RegExp(`^\\d+-\\d+,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,opened,${CASE},staff:7,$`));
    expect(csv[2]).toMatch(new RegExp(`,assigned,${CASE},staff:7,assignee=8$`));
    expect(csv[4]).toMatch(new RegExp(`,audit:export,,staff:${admin.id},$`));
    const newest = (await redis.xrevrange(KEYS.audit, "+", "-", "COUNT", 1))[0]![0];
    expect(await redis.get(KEYS.auditExported)).toBe(newest);
  });

  it("trims by age only what has been exported, never an entry not yet exported", async () => {
    await redis.flushdb();
    const day = 24 * 3600 * 1000;
    const now = 1_800_000_000_000;
    const add = (ms: number) => redis.xadd(KEYS.audit, `${ms}-0`, "action", "opened", "actor", "staff:1");
    const ids = async () => (await redis.xrange(KEYS.audit, "-", "+")).map(([id]) => Number(id.split("-")[0]));
    for (const age of [900, 800, 750, 10, 1]) await add(now - age * day);
    expect(await trimAudit(redis, now, 730)).toBe(0);
    expect(await ids()).toHaveLength(5);

    // Exported up to the entry 800 days old: the one 750 days old is past the age limit, but stays.
    await redis.set(KEYS.auditExported, `${now - 800 * day}-0`);
    expect(await trimAudit(redis, now, 730)).toBe(2);
    expect(await ids()).toEqual([750, 10, 1].map((age) => now - age * day));

    // Exported everything: only what is older than the limit goes.
    await createAuditLog(redis).markExported(`${now - day}-0`);
    await createAuditLog(redis).markExported(`${now - 800 * day}-0`);
    expect(await trimAudit(redis, now, 730)).toBe(1);
    expect(await ids()).toEqual([10, 1].map((age) => now - age * day));
    expect(await trimAudit(redis, now, 5)).toBe(1);
    expect(await trimAudit(redis, now, 0)).toBe(1);
    expect(await ids()).toEqual([]);
  });
});
