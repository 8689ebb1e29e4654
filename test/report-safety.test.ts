import { afterEach, describe, expect, it, vi } from "vitest";
import { KEYS } from "../src/redis.js";
import { caseCount, codesFrom } from "../src/complaints/case-index.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { createTestBot, failOnce, newUserId, useRedis } from "./harness.js";
import { fillReport, labels, photo, rawRedis, reportPerson, sendReport, STAFF_CHAT, storedHistory, auditLines } from "./report-helpers.js";

const redis = useRedis();

afterEach(() => {
  vi.restoreAllMocks();
});

const SECRET_STORY = "Капитан Асанов бил меня дубинкой в кабинете 12";
const PLACE = "Ленинский РОВД";
const PHONE = "+996 555 987 654";

describe("a sent report is never lost or doubled", () => {
  it("a repeated «Send» after a failed confirmation finds the same case instead of making a second one", async () => {
    const telegram = new FakeTelegram();
    const bot = createTestBot(redis, { telegram, env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await fillReport(person, l);
    const casesBefore = await caseCount(redis);
    let failed = false;
    telegram.fault = (call) => {
      if (failed || call.method !== "sendMessage" || !String(call.payload.text).startsWith("✅")) return undefined;
      failed = true;
      return { ok: false, error_code: 400, description: "Bad Request: something went wrong" };
    };
    await person.click(l("report-send"));
    expect(failed).toBe(true);
    expect(person.last.text).toMatch(/^<b>Проверьте, всё ли верно<\/b>/); // the person saw no code yet
    await bot.deliverAlerts();
    const alerts = () => telegram.calls.filter((call) => call.method === "sendMessage" && call.payload.chat_id === STAFF_CHAT);
    expect(alerts()).toHaveLength(1); // the case exists, so the staff know at once

    const { code } = await sendReport(person, l);
    await bot.deliverAlerts();
    expect(await caseCount(redis)).toBe(casesBefore + 1);
    expect(await codesFrom(redis, 0, await caseCount(redis))).toContain(code);
    expect(alerts()).toHaveLength(1);
  });

  it("the staff alert survives a Telegram error and a process that stops before sending it", async () => {
    const first = createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    const l = labels(first, "ru");
    const person = first.user({ id: newUserId(), language_code: "ru" });
    await fillReport(person, l);
    const { code } = await sendReport(person, l);
    // This process never ran its alert worker (as if killed right after «Send»); the next one delivers.
    const telegram = new FakeTelegram();
    telegram.fault = failOnce("sendMessage", { ok: false, error_code: 403, description: "Forbidden: bot is not a member of the supergroup chat" });
    const next = createTestBot(redis, { telegram, env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    await next.deliverAlerts();
    const tries = telegram.calls.filter((call) => call.method === "sendMessage" && call.payload.chat_id === STAFF_CHAT && call.payload.text.includes(code));
    expect(tries).toHaveLength(2);
    expect(await redis.hlen(KEYS.outbox)).toBe(0);
  });

  it("a staff alert that Telegram refuses as malformed is tried once and logged, not retried forever", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = (call) => (call.payload.chat_id === STAFF_CHAT ? { ok: false, error_code: 400, description: "Bad Request: chat not found" } : undefined);
    const bot = createTestBot(redis, { telegram, env: { STAFF_CHAT_ID: String(STAFF_CHAT) } });
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await fillReport(person, l);
    const { code } = await sendReport(person, l);
    await bot.deliverAlerts();
    expect(telegram.calls.filter((call) => call.payload.chat_id === STAFF_CHAT && call.payload.text.includes(code))).toHaveLength(1);
    expect(bot.logs.records().some((record) => record.msg === "gave up on a staff alert" && record.code === code)).toBe(true);
  });

  it("pressing «Send» twice in a row makes one case", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await fillReport(person, l);
    const summary = person.last;
    const before = await caseCount(redis);
    await Promise.all([person.click(l("report-send")), person.pressData(summary, "r:send")]);
    expect(await caseCount(redis)).toBe(before + 1);
  });

  it("when Redis fails at «Send», says to press it again, keeps the draft, and the second press works", async () => {
    const { l, person } = reportPerson(redis, "ky");
    await fillReport(person, l, { narrative: SECRET_STORY });
    // The submit script (sent by its hash) is the one whose arguments name the draft.
    const evalshaOnce = redis.evalsha.bind(redis);
    let failed = false;
    vi.spyOn(redis, "evalsha").mockImplementation(((...args: unknown[]) => {
      if (!failed && args.includes("draftId")) {
        failed = true;
        return Promise.reject(new Error("Connection is closed."));
      }
      return (evalshaOnce as (...a: unknown[]) => unknown)(...args);
    }) as never);
    const before = await caseCount(redis);
    await person.click(l("report-send"));
    expect(person.last.text).toMatch(/^<b>Баары туурабы/);
    expect(person.messages.at(-2)?.text).toBe(l("report-send-failed"));
    expect(await caseCount(redis)).toBe(before);
    const { code } = await sendReport(person, l);
    expect(await caseCount(redis)).toBe(before + 1);
    expect(await redis.hget(KEYS.case + code, "status")).toBe("new");
  });
});

describe("encryption at rest", () => {
  it("no raw Redis value holds the narrative, the place name, the phone number or a file id — during the draft and after", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await fillReport(person, l, { narrative: SECRET_STORY, placeName: PLACE, contact: "phone", phone: PHONE, evidence: 1 });
    const leaks = (raw: string) => [SECRET_STORY, "Асанов", PLACE, "555987654", "photo-0"].filter((secret) => raw.includes(secret));
    expect(leaks(await rawRedis(redis))).toEqual([]);
    const { code } = await sendReport(person, l);
    expect(leaks(await rawRedis(redis))).toEqual([]);
    const stored = await redis.hgetall(KEYS.case + code);
    // The content in a key of its own, sealed compressed as raw bytes (brotli, then encrypted: crypto.ts), and the
    // hash in Redis's compact form: no value of it is over 64 bytes.
    expect((await redis.getBuffer(KEYS.case + code + ":content"))?.subarray(0, 2)).toEqual(Buffer.from([0x62, 0x01]));
    expect(await redis.object("ENCODING", KEYS.case + code)).toBe("listpack");
    // Nothing about the case points back to the Telegram account in plain form.
    const caseKeys = (await redis.keys("case*")).concat(await redis.keys("quota:*"), await redis.keys("audit"));
    expect(caseKeys.join(" ")).not.toContain(String(person.id));
    expect(JSON.stringify(stored)).not.toContain(String(person.id));
    expect(Object.keys(stored).sort()).toEqual(["consentAt", "consentVersion", "createdAt", "draftId", "n", "notify", "pinHash", "placeType", "region", "status", "updatedAt", "urgent"]);
  });
});

describe("the staff side", () => {
  async function reportWithAlert(narrative: string) {
    const telegram = new FakeTelegram();
    const env = { STAFF_CHAT_ID: String(STAFF_CHAT), ADMIN_IDS: "42424242" };
    const bot = createTestBot(redis, { telegram, env });
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await fillReport(person, l, { narrative, contact: "phone", phone: PHONE, evidence: 1 });
    const { code } = await sendReport(person, l);
    await bot.deliverAlerts();
    const alert = telegram.calls.find((call) => call.method === "sendMessage" && call.payload.chat_id === STAFF_CHAT && call.payload.text.includes(code))!;
    return { bot, telegram, code, alert };
  }

  it("the alert has code, place, region and time, and no narrative, names or contacts", async () => {
    const { alert, code, bot } = await reportWithAlert(SECRET_STORY);
    const t = labels(bot, "ky");
    const lines = alert.payload.text.split("\n");
    expect(lines.slice(0, 3)).toEqual([`${t("staff-alert-new")} <code>${code}</code>`, `${t("report-part-place")}: ${t("report-place-police")}`, `${t("report-region")}: ${t("report-region-osh")}`]);
    expect(lines[3]).toMatch(new RegExp(`^${t("staff-alert-time")}: \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$`));
    expect(lines).toHaveLength(4);
  });

  it("«Open» from someone without a role gets nothing about the case", async () => {
    const { bot, telegram, alert } = await reportWithAlert(SECRET_STORY);
    const outsider = bot.user({ id: newUserId(), language_code: "ru" });
    const sent = telegram.calls.length;
    await outsider.pressData({ message_id: 1, text: alert.payload.text }, alert.payload.reply_markup.inline_keyboard[0][0].callback_data);
    const after = telegram.calls.slice(sent);
    expect(after.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(JSON.stringify(after)).not.toContain("Асанов");
  });

  it("«Open» from a caseworker sends the whole case, escaped and protected, to their private chat, and is audited; so is «Show files»", async () => {
    const { bot, telegram, alert, code } = await reportWithAlert("<b>бил</b> & угрожал <script>");
    const staffId = newUserId();
    await redis.sadd(KEYS.roles + staffId, "caseworker");
    const caseworker = bot.user({ id: staffId, language_code: "ru" });
    await caseworker.pressData({ message_id: 1, text: alert.payload.text }, `case:open:${code}`);
    const toStaff = () => telegram.calls.filter((call) => call.payload.chat_id === staffId);
    // The case (which counts its files), then the panel of what can be done with it.
    expect(toStaff().map((call) => call.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(toStaff()[0]!.payload.text).toContain("&lt;b&gt;бил&lt;/b&gt; &amp; угрожал &lt;script&gt;");
    expect(toStaff()[0]!.payload.text).toContain("+996555987654");
    expect(toStaff()[0]!.payload.text).toContain(labels(bot, "ru")("report-attachments-count", { count: 1 }));
    await caseworker.click(labels(bot, "ru")("case-evidence"));
    // A line naming the case, then its files.
    expect(toStaff().map((call) => call.method)).toEqual(["sendMessage", "sendMessage", "sendMessage", "sendPhoto"]);
    expect(toStaff()[2]!.payload.text).toContain(code);
    expect(toStaff().every((call) => call.payload.protect_content === true)).toBe(true);
    const audit = await auditLines(redis);
    expect(audit).toContain(`action opened code ${code} actor staff:${staffId}`);
    expect(audit).toContain(`action evidence code ${code} actor staff:${staffId}`);
  });

  it("«Show files» is audited even when a file fails, and the caseworker is told which one", async () => {
    const { bot, telegram, alert, code } = await reportWithAlert(SECRET_STORY);
    const staffId = newUserId();
    await redis.sadd(KEYS.roles + staffId, "caseworker");
    telegram.fault = failOnce("sendPhoto", { ok: false, error_code: 400, description: "Bad Request: wrong file identifier" });
    const caseworker = bot.user({ id: staffId, language_code: "ru" });
    await caseworker.pressData({ message_id: 1, text: alert.payload.text }, `case:open:${code}`);
    const l = labels(bot, "ru");
    await caseworker.click(l("case-evidence"));
    const told = l("case-attachments-failed", { count: 1, parts: "1", total: 1 });
    expect(caseworker.last.text).toBe(told);
    expect(await auditLines(redis)).toContain(`action evidence code ${code} actor staff:${staffId}`);
    expect((await storedHistory(redis, bot, code)).map((entry) => entry.action)).toEqual(["submitted", "opened", "evidence"]);
  });

  it("HTML in anything the person typed is escaped in the summary", async () => {
    const { l, person } = reportPerson(redis, "ru");
    await fillReport(person, l, { narrative: "<i>били</i> & <a href='x'>ссылка</a> очень долго", placeName: "<b>РОВД</b>" });
    expect(person.last.text).toContain("&lt;i&gt;били&lt;/i&gt; &amp; &lt;a href='x'&gt;ссылка&lt;/a&gt;");
    expect(person.last.text).toContain("&lt;b&gt;РОВД&lt;/b&gt;");
    await person.sendMessage(photo("late"));
  });
});
