import { buffer } from "node:stream/consumers";
import { describe, expect, it, vi } from "vitest";
import { casesCsv, CONTENT_COLUMNS, PLAIN_COLUMNS, withStaffNames } from "../src/complaints/export.js";
import { createCaseStore } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";
import { KEYS } from "../src/redis.js";
import { createRoleStore } from "../src/roles.js";
import { createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { labels, storeCase, auditLines } from "./report-helpers.js";

vi.mock("../src/complaints/codes.js", async (original) => ({ ...(await original<object>()), hashPin: async () => "scrypt$fast" }));

const redis = useRedis();
const store = createCaseStore(redis, createCipher(TEST_DATA_KEY));
const NARRATIVE = 'Меня били в отделе, требовали "признание";\nпотом отпустили.';

describe("the export of cases", () => {
  it("is a CSV with a BOM for Excel, a header and one row per case, plain fields only unless asked", async () => {
    await redis.flushdb();
    const first = await storeCase(store, "EXP", { narrative: NARRATIVE, urgent: true });
    await storeCase(store, "EXP", { region: "naryn" });
    await store.move(first, { to: "referred", body: "prosecutor" }, "staff:1", Date.now());

    const bytes = await buffer(casesCsv(store.exportRows(false), false));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = bytes.toString("utf8");
    const lines = plain.slice(1).trim().split("\n");
    expect(lines[0]).toBe(PLAIN_COLUMNS.join(","));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${first},referred,yes,police,osh,`));
    expect(lines[1]).toContain(",prosecutor,");
    expect(plain).not.toContain("били");
    expect(plain).not.toContain("+996555123456");

    const full = (await buffer(casesCsv(store.exportRows(true), true))).toString("utf8");
    // A phone number stays text for the spreadsheet.
    expect(full).toContain(",'+996555123456,");
    expect(full.slice(1).split("\n")[0]).toBe([...PLAIN_COLUMNS, ...CONTENT_COLUMNS].join(","));
    // Quotes doubled, the field quoted, the line break kept inside it.
    expect(full).toContain('"Меня били в отделе, требовали ""признание"";\nпотом отпустили."');
    expect(full).toContain("+996555123456");
  });

  it("is for admins only, asks twice before decrypted texts, and is audited", async () => {
    await redis.flushdb();
    await storeCase(store, "AUD", {});
    const admin = newUserId();
    const bot = createTestBot(redis, { env: { ADMIN_IDS: String(admin) } });
    const l = labels(bot, "ru");
    const caseworkerId = newUserId();
    await redis.sadd(KEYS.roles + caseworkerId, "caseworker");
    const caseworker = bot.user({ id: caseworkerId, language_code: "ru" });
    await caseworker.send("/export");
    await caseworker.pressData({ message_id: 1, text: "" }, "ex:content:yes");
    expect(bot.telegram.calls.some((call) => call.method === "sendDocument")).toBe(false);
    expect(caseworker.messages.map((message) => message.text).join()).not.toContain(l("export-choose"));

    const person = bot.user({ id: admin, language_code: "ru" });
    await person.send("/export");
    expect(person.last.text).toBe(l("export-choose"));
    await person.click(l("export-content"));
    expect(person.last.text).toBe(l("export-content-confirm"));
    expect(bot.telegram.calls.some((call) => call.method === "sendDocument")).toBe(false);
    await person.click(l("export-content-yes"));
    const sent = bot.telegram.calls.filter((call) => call.method === "sendDocument");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ chat_id: admin, protect_content: true });
    const file = sent[0]!.payload.document as { name: string; bytes: Buffer };
    expect(file.name).toMatch(/^cases-full-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.bytes.toString("utf8")).toContain("+996555123456");
    const audit = await auditLines(redis);
    expect(audit).toContain(`action export:content actor staff:${admin}`);
  });

  it("names the assignee beside the id, and never lets a value run as a spreadsheet formula", async () => {
    await redis.flushdb();
    const roles = createRoleStore(redis, []);
    const staffId = newUserId();
    await redis.sadd(KEYS.roles + staffId, "caseworker");
    await roles.rememberName(staffId, "=HYPERLINK(\"http://evil\",\"Айгуль\")", "ru");
    const code = await storeCase(store, "NAM", { narrative: "=cmd|' /C calc'!A0 и ещё текст", placeName: "@SUM(1+1)" });
    await store.assign(code, staffId, "staff:1", Date.now());
    const csv = (await buffer(casesCsv(withStaffNames(store.exportRows(true), (ids) => roles.names(ids)), true))).toString("utf8");
    const header = csv.slice(1).split("\n")[0]!.split(",");
    expect(header.slice(header.indexOf("assignee"), header.indexOf("assignee") + 2)).toEqual(["assignee", "assigneeName"]);
    expect(csv).toContain(`,${staffId},"'=HYPERLINK(""http://evil"",""Айгуль"")",`);
    expect(csv).toContain(",'=cmd|' /C calc'!A0 и ещё текст,");
    expect(csv).toContain(",'@SUM(1+1),");
    expect(csv).not.toMatch(/,[=@+]/);
  });
});
