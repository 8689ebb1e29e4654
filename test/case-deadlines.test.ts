import { describe, expect, it, vi } from "vitest";
import { cutoffsOf, isOverdue } from "../src/complaints/deadlines.js";
import { EXTENSION_DAYS, WARN_DAYS } from "../src/complaints/retention.js";
import { createCaseStore } from "../src/complaints/store.js";
import { codesOf, INDEX, numbersIn } from "../src/complaints/case-index.js";
import { createCipher } from "../src/crypto.js";
import { indexCases } from "../src/migrations.js";
import { createRedis, KEYS } from "../src/redis.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { captureLogs, createTestBot, newUserId, TEST_DATA_KEY, testRedisUrl, until, useRedis } from "./harness.js";
import { startDaily } from "../src/jobs/daily.js";
import { asIndexedBeforeNumbers, auditLines, labels, STAFF_CHAT, storeCase } from "./report-helpers.js";
import { localDate } from "../src/bot/report-view.js";

vi.mock("../src/complaints/codes.js", async (original) => ({ ...(await original<object>()), hashPin: async () => "scrypt$fast" }));

const redis = useRedis();
const store = createCaseStore(redis, createCipher(TEST_DATA_KEY), { retentionDays: 365 });

/** When a case's personal data is to be deleted, if it awaits deletion: in the bitmap of such cases, with its time. */
async function retainedUntil(code: string): Promise<number | null> {
  const codes = await codesOf(redis, await numbersIn(redis, INDEX.retained));
  return codes.includes(code) ? Number(await redis.hget(KEYS.case + code, "retainUntil")) : null;
}
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const deadlines = { ackHours: 24, actDays: 3 };
const staffBot = () => createTestBot(redis, { env: { STAFF_CHAT_ID: String(STAFF_CHAT), ADMIN_IDS: "777001" }, telegram: new FakeTelegram() });

describe("deadlines", () => {
  it("counts a case overdue while it is new past the first deadline, or not acted on past the second", () => {
    const now = 100 * DAY;
    const cutoffs = cutoffsOf(deadlines, now);
    expect(isOverdue({ status: "new", createdAt: now - 25 * HOUR }, cutoffs)).toBe(true);
    expect(isOverdue({ status: "new", createdAt: now - 23 * HOUR }, cutoffs)).toBe(false);
    expect(isOverdue({ status: "in-review", createdAt: now - 2 * DAY }, cutoffs)).toBe(false);
    expect(isOverdue({ status: "in-review", createdAt: now - 4 * DAY }, cutoffs)).toBe(true);
    expect(isOverdue({ status: "in-review", createdAt: now - 4 * DAY, firstActionAt: now - DAY }, cutoffs)).toBe(false);
    expect(isOverdue({ status: "closed", createdAt: now - 40 * DAY }, cutoffs)).toBe(false);
  });

  it("lists overdue cases from the indexes, alone or with other filters, and the digest counts them without content", async () => {
    await redis.flushdb();
    const now = Date.now();
    const unacknowledged = await storeCase(store, "OVD", { urgent: true }, now - 30 * HOUR);
    const reviewedLate = await storeCase(store, "OVD", {}, now - 4 * DAY);
    const actedOn = await storeCase(store, "OVD", {}, now - 4 * DAY);
    const fresh = await storeCase(store, "OVD", { urgent: true }, now - HOUR);
    const closed = await storeCase(store, "OVD", { urgent: true }, now - 10 * DAY);
    await store.move(reviewedLate, { to: "in-review" }, "staff:1", now - 3 * DAY);
    await store.move(actedOn, { to: "referred", body: "prosecutor" }, "staff:1", now - 3 * DAY);
    await store.move(closed, { to: "closed", reason: "duplicate" }, "staff:1", now - 9 * DAY);
    const cutoffs = cutoffsOf(deadlines, now);

    const codes = async (filter: Parameters<typeof store.list>[0]) => (await store.list(filter, 0, 100)).cases.map((item) => item.code).sort();
    expect(await codes({ overdue: cutoffs })).toEqual([unacknowledged, reviewedLate].sort());
    expect(await codes({ overdue: cutoffs, status: "in-review" })).toEqual([reviewedLate]);
    expect(await codes({ overdue: cutoffs, urgent: true })).toEqual([unacknowledged]);
    expect((await store.list({}, 0, 100)).cases.find((item) => item.code === actedOn)?.firstActionAt).toBe(now - 3 * DAY);
    // The statistics count how long first actions took, in hours from the (hour of) sending: a day for the
    // referral and for the closing; taking a case into review is no action.
    expect(await redis.hgetall(KEYS.firstAction)).toEqual({ 24: "2" });
    expect(await store.digest(cutoffs)).toEqual({ fresh: 2, urgent: 2, overdue: 2 });
    expect(fresh).toBeDefined();
  });

  it("adds cases sent before deadlines existed to the «awaiting action» index, once", async () => {
    await redis.flushdb();
    const waiting = await storeCase(store, "MIG");
    const acted = await storeCase(store, "MIG");
    const closedLongAgo = await storeCase(store, "MIG");
    await store.move(acted, { to: "needs-information" }, "staff:1", Date.now());
    await store.move(closedLongAgo, { to: "closed", reason: "duplicate" }, "staff:1", Date.now());
    await redis.multi().hdel(KEYS.case + closedLongAgo, "retainUntil").del(INDEX.retained).exec();
    await redis.del(INDEX.awaitingAction);
    await asIndexedBeforeNumbers(redis, "1");
    // Version 3 kept the cases awaiting deletion in a sorted set: it goes, the bitmap and hashes hold them.
    await redis.zadd(`${KEYS.casesBy}retention`, 1, acted);
    await indexCases(redis, captureLogs().logger, 365);
    expect(await redis.exists(`${KEYS.casesBy}retention`)).toBe(0);
    expect(await codesOf(redis, (await redis.zrange(INDEX.awaitingAction, "0", "-1")).map(Number))).toEqual([waiting]);
    // A case closed before retention existed now waits for deletion too.
    expect(await retainedUntil(closedLongAgo)).toBeGreaterThan(Date.now() + 364 * DAY);
    expect(await retainedUntil(acted)).toBeNull();
    expect(await indexCases(redis, captureLogs().logger, 365)).toBe(0);
  });

  it("shows «Overdue» in the staff list, marks late cases, and offers to reset filters that find nothing", async () => {
    await redis.flushdb();
    const late = await storeCase(store, "LAT", {}, Date.now() - 2 * DAY);
    await storeCase(store, "LAT");
    const bot = staffBot();
    const l = labels(bot, "ru");
    const staffId = newUserId();
    await redis.sadd(KEYS.roles + staffId, "caseworker");
    const caseworker = bot.user({ id: staffId, language_code: "ru" });
    await caseworker.send("/cases");
    await caseworker.click(l("case-filter-overdue-off"));
    expect(caseworker.last.text.split("\n")).toHaveLength(2);
    expect(caseworker.last.text).toContain(`⏰ <code>${late}</code>`);
    await caseworker.click(l("case-filter-mine-off"));
    expect(caseworker.last.text).toContain(l("case-list-empty"));
    await caseworker.click(l("case-filter-reset"));
    expect(caseworker.last.text.split("\n")).toHaveLength(3);
  });
});

describe("the daily run", () => {
  it("is one job scheduler at the configured Bishkek hour, and sends the staff chat counts only", async () => {
    await redis.flushdb();
    await storeCase(store, "DIG", { urgent: true, narrative: "Секретный рассказ о побоях в отделе." }, Date.now() - 2 * DAY);
    const bot = staffBot();
    expect(await bot.dailySchedule()).toMatchObject([{ key: "daily", pattern: "0 9 * * *", tz: "Asia/Bishkek" }]);
    const result = await bot.runDaily(Date.now());
    expect(result).toMatchObject({ fresh: 1, urgent: 1, overdue: 1 });
    // In the staff's language (DEFAULT_LOCALE), numbers only.
    const digest = bot.telegram.chat(STAFF_CHAT).at(-1)!.text;
    expect(digest.split("\n").slice(1)).toEqual(labels(bot, "ky")("digest", { date: "", fresh: 1, urgent: 1, overdue: 1 }).split("\n").slice(1));
    expect(digest).not.toMatch(/Секретный|DIG-/);
  });
});

describe("withdrawal", () => {
  it("takes the texts of notes and replies with the content, and no note is taken after it", async () => {
    await redis.flushdb();
    const code = await storeCase(store, "WDR", { contact: { kind: "chat", chatId: 77 } });
    await store.addNote(code, "Телефон брата 0555 111 222", "staff:1", Date.now());
    await store.reply(code, "Перезвоните нам.", "staff:1", Date.now());
    expect(await store.withdraw(code, "reporter", Date.now())).toBe(true);
    // No sealed text is left in the history (sealed texts begin "v1:").
    expect(JSON.stringify(await redis.lrange(`${KEYS.case}${code}:events`, 0, -1))).not.toContain("v1:");
    expect((await store.forReporter(code)).replies).toEqual([]);
    expect(await store.addNote(code, "ещё", "staff:1", Date.now())).toBe(false);
  });
});

describe("«Keep longer» on a case panel", () => {
  it("shows the new date on the panel it was pressed on", async () => {
    await redis.flushdb();
    const bot = staffBot();
    const l = labels(bot, "ru");
    const code = await storeCase(store, "PNL");
    const closedAt = Date.now();
    await store.move(code, { to: "closed", reason: "acted-on" }, "staff:1", closedAt);
    await bot.deliverAlerts();
    const admin = bot.user({ id: 777001, language_code: "ru" });
    const alert = bot.telegram.chat(STAFF_CHAT).find((message) => message.text.includes(code))!;
    await admin.press(alert, buttonsOf(alert)[0]!);
    const panel = admin.messages.findLast((message) => buttonsOf(message).some((button) => buttonText(button) === l("case-extend")))!;
    expect(panel.text).toContain(l("case-retain-until", { date: localDate(closedAt + 365 * DAY) }));
    await admin.click(l("case-extend"));
    const edited = admin.messages.find((message) => message.message_id === panel.message_id)!;
    expect(edited.text).toContain(l("case-retain-until", { date: localDate(closedAt + (365 + EXTENSION_DAYS) * DAY) }));
  });
});

describe("the daily run when Telegram refuses", () => {
  it("still deletes on time when the staff chat is gone, and warns again a day later when no admin got the warning", async () => {
    await redis.flushdb();
    const bot = staffBot();
    const code = await storeCase(store, "FLT");
    const closedAt = Date.now();
    await store.move(code, { to: "closed", reason: "acted-on" }, "staff:1", closedAt);
    const keepUntil = closedAt + 365 * DAY;
    await bot.deliverAlerts(); // the case's staff alert, before Telegram starts refusing
    bot.telegram.fault = (call) =>
      call.method === "sendMessage" ? { ok: false, error_code: 403, description: "Forbidden: bot was kicked from the supergroup chat" } : undefined;
    // Nobody could be told: the warning is not marked, so it is made again the next day.
    expect(await bot.runDaily(keepUntil - 10 * DAY)).toMatchObject({ warned: 0 });
    bot.telegram.fault = undefined;
    expect(await bot.runDaily(keepUntil - 9 * DAY)).toMatchObject({ warned: 1 });
    bot.telegram.fault = (call) => (call.method === "sendMessage" ? { ok: false, error_code: 403, description: "Forbidden: bot was kicked from the supergroup chat" } : undefined);
    expect(await bot.runDaily(keepUntil + HOUR)).toMatchObject({ purged: 1 });
    expect((await store.get(code))?.secret).toBeUndefined();
    expect(bot.logs.records().some((record) => record.msg === "a part of the daily run failed" && record.part === "digest")).toBe(true);
  });
});

describe("the daily run across processes", () => {
  it("is one schedule however many processes start it, and one of two workers takes each run", async () => {
    await redis.flushdb();
    const bot = staffBot();
    const prefix = `daily${newUserId()}`;
    const runs: number[] = [];
    const started = [1, 2].map((process) => {
      const connection = createRedis(testRedisUrl(), { maxRetriesPerRequest: null, enableAutoPipelining: false });
      const daily = startDaily({
        connection, prefix, redis, api: bot.bot.api, cases: store, cipher: createCipher(TEST_DATA_KEY), t: (key) => key, deadlines,
        staffChatId: undefined, admins: async () => [], hour: 9, logger: captureLogs().logger, upkeep: async () => runs.push(process),
      });
      return { connection, daily };
    });
    await Promise.all(started.map(({ daily }) => daily.ready));
    expect(await started[0]!.daily.queue.getJobSchedulers()).toHaveLength(1);
    // A run due now, as the scheduler makes it: taken by one of the two workers, once.
    await started[0]!.daily.queue.add("daily", {});
    await until(() => runs.length > 0, "the daily run");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toHaveLength(1);
    for (const { connection, daily } of started) {
      await daily.close();
      await connection.quit();
    }
  });
});

describe("retention", () => {
  it("starts at closing, warns admins 14 days ahead, can be extended, then deletes the personal data and keeps the statistics", async () => {
    await redis.flushdb();
    const bot = staffBot();
    const l = labels(bot, "ky");
    const code = await storeCase(store, "RET", { region: "talas", contact: { kind: "chat", chatId: 42 } });
    await store.addNote(code, "Адвокат Иванов, тел. 0555 000 111", "staff:1", Date.now());
    await store.reply(code, "Мы получили ваше сообщение.", "staff:1", Date.now());
    const closedAt = Date.now();
    expect(await store.move(code, { to: "closed", reason: "acted-on" }, "staff:1", closedAt)).toMatchObject({ kind: "moved" });
    const keepUntil = closedAt + 365 * DAY;
    expect(await retainedUntil(code)).toBe(keepUntil);

    // Reopening stops the clock, closing again starts it again.
    await store.move(code, { to: "in-review" }, "staff:1", closedAt);
    expect(await retainedUntil(code)).toBeNull();
    await store.move(code, { to: "closed", reason: "acted-on" }, "staff:1", closedAt);

    expect((await bot.runDaily(keepUntil - (WARN_DAYS + 1) * DAY)).warned).toBe(0);
    expect((await bot.runDaily(keepUntil - (WARN_DAYS - 1) * DAY)).warned).toBe(1);
    const admin = bot.user({ id: 777001, language_code: "ru" });
    expect(admin.last.text).toContain(code);
    // Once warned, not again the next day.
    expect((await bot.runDaily(keepUntil - (WARN_DAYS - 2) * DAY)).warned).toBe(0);

    await admin.click(`${l("case-extend")} ${code}`);
    const extendedTo = keepUntil + EXTENSION_DAYS * DAY;
    expect(await retainedUntil(code)).toBe(extendedTo);
    expect((await bot.runDaily(keepUntil + DAY)).purged).toBe(0);

    // A caseworker cannot extend: the forged button changes nothing.
    const caseworker = bot.user({ id: newUserId(), language_code: "ru" });
    await redis.sadd(KEYS.roles + caseworker.id, "caseworker");
    await caseworker.pressData({ message_id: 1, text: "" }, `ck:${code}`);
    expect(await retainedUntil(code)).toBe(extendedTo);

    const ownLists = async () => (await Promise.all((await redis.keys(`${KEYS.owners}*`)).map((key) => redis.hvals(key)))).flat().join(",");
    expect(await ownLists()).toContain(code);
    expect((await bot.runDaily(extendedTo + HOUR)).purged).toBe(1);
    // No longer the reporter's: out of their own list.
    expect(await ownLists()).not.toContain(code);
    const stored = await store.get(code);
    expect(stored).toMatchObject({ status: "closed", region: "talas", secret: undefined, additions: [] });
    expect(stored?.purgedAt).toBe(extendedTo + HOUR);
    const raw = JSON.stringify([await redis.hgetall(KEYS.case + code), await redis.lrange(`${KEYS.case}${code}:events`, 0, -1)]);
    expect(raw).not.toMatch(/v1:|"secret"/);
    const history = await store.history(code);
    expect(history.filter((event) => event.action === "note" || event.action === "reply").every((event) => event.deleted && event.note === undefined)).toBe(true);
    expect(history.at(-1)?.action).toBe("purged");
    // The statistics stay: the case is still counted by status and region.
    expect((await store.list({ status: "closed", region: "talas" }, 0, 10)).cases.map((item) => item.code)).toEqual([code]);
    const audit = await auditLines(redis);
    expect(audit).toContain(`action retention-extended code ${code} actor staff:777001`);
    expect(audit).toContain(`action purged code ${code} actor retention`);
    // A reply or a note cannot be added to a case whose data is gone.
    expect(await store.reply(code, "ещё", "staff:1", Date.now())).toBe("refused");
    expect(buttonsOf(admin.last).map(buttonText)).toContain(`${l("case-extend")} ${code}`);
  });
});
