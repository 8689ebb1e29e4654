import { describe, expect, it, vi } from "vitest";
import { caseListScreen, LIST, PAGE_SIZE } from "../src/bot/case-list-view.js";
import { createCaseStore } from "../src/complaints/store.js";
import { cutoffsOf } from "../src/complaints/deadlines.js";
import { CODE_WIDTH, INDEX } from "../src/complaints/case-index.js";
import { createCipher } from "../src/crypto.js";
import { indexCases } from "../src/migrations.js";
import { KEYS } from "../src/redis.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { captureLogs, createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { asIndexedBeforeNumbers, labels, storeCase } from "./report-helpers.js";

vi.mock("../src/complaints/codes.js", async (original) => ({ ...(await original<object>()), hashPin: async () => "scrypt$fast" }));

const redis = useRedis();
const store = createCaseStore(redis, createCipher(TEST_DATA_KEY));

describe("the staff's case list", () => {
  it("filters by status, urgency, region and place, newest first, in pages, from the plain fields only", async () => {
    await redis.flushdb();
    const osh = await Promise.all(Array.from({ length: 12 }, () => storeCase(store, "LST", { region: "osh" })));
    const urgentColony = await storeCase(store, "LST", { region: "chuy", placeType: "colony", urgent: true });
    await store.move(osh[0]!, { to: "in-review" }, "staff:1", Date.now());
    await store.withdraw(osh[1]!, "reporter", Date.now());

    expect((await store.list({}, 0, PAGE_SIZE)).total).toBe(13);
    expect((await store.list({}, 10, PAGE_SIZE)).cases).toHaveLength(3);
    expect((await store.list({ region: "osh" }, 0, 100)).total).toBe(12);
    expect((await store.list({ urgent: true }, 0, 100)).cases.map((item) => item.code)).toEqual([urgentColony]);
    expect((await store.list({ urgent: true, placeType: "colony", region: "chuy" }, 0, 100)).cases).toMatchObject([{ code: urgentColony, urgent: true, status: "new" }]);
    expect((await store.list({ urgent: true, region: "osh" }, 0, 100)).total).toBe(0);
    expect((await store.list({ status: "in-review" }, 0, 100)).cases.map((item) => item.code)).toEqual([osh[0]]);
    expect((await store.list({ status: "withdrawn" }, 0, 100)).cases.map((item) => item.code)).toEqual([osh[1]]);
    expect((await store.list({ status: "new" }, 0, 100)).total).toBe(11);
  });

  it("pages through several filters newest first, with exact counts, and knows what follows", async () => {
    await redis.flushdb();
    const now = Date.now();
    const codes: string[] = [];
    for (let i = 0; i < 25; i++) codes.push(await storeCase(store, "PGS", { region: i % 2 ? "naryn" : "batken", urgent: i % 3 === 0 }, now - i * 3_600_000));
    // Numbered in the order sent: the last one stored is the newest in the list.
    const expected = codes.filter((_, i) => i % 2 === 0 && i % 3 === 0).reverse();
    const pages = [await store.list({ region: "batken", urgent: true }, 0, 2), await store.list({ region: "batken", urgent: true }, 2, 2), await store.list({ region: "batken", urgent: true }, 4, 2)];
    expect(pages.map((page) => page.cases.map((item) => item.code))).toEqual([expected.slice(0, 2), expected.slice(2, 4), expected.slice(4, 6)]);
    expect(pages.map((page) => [page.total, page.more])).toEqual([[5, true], [5, true], [5, false]]);
    expect((await store.list({}, 0, 3)).cases.map((item) => item.code)).toEqual(codes.slice(-3).reverse());
    expect(await store.list({}, 25, 10)).toEqual({ total: 25, more: false, cases: [] });
  });

  it("turns deadline sets that hold codes (as builds of index version 4 left them) into sets of numbers", async () => {
    await redis.flushdb();
    const now = Date.now();
    const late = await storeCase(store, "DLN", {}, now - 5 * 86_400_000);
    const reviewed = await storeCase(store, "DLN", {}, now - 5 * 86_400_000);
    await store.move(reviewed, { to: "in-review" }, "staff:1", now);
    const hour = async (code: string) => (await redis.hget(KEYS.case + code, "createdAt"))!;
    await redis.multi()
      .del(INDEX.fresh, INDEX.awaitingAction).zadd(INDEX.fresh, await hour(late), late)
      .zadd(`${KEYS.casesBy}awaiting-action`, await hour(late), late, await hour(reviewed), reviewed)
      .set(`${KEYS.casesBy}version`, "4").exec();
    await indexCases(redis, captureLogs().logger, 365);
    expect(await redis.zrange(INDEX.fresh, "0", "-1")).toEqual([await redis.hget(KEYS.case + late, "n")]);
    expect((await redis.zrange(INDEX.awaitingAction, "0", "-1")).sort()).toEqual([await redis.hget(KEYS.case + late, "n"), await redis.hget(KEYS.case + reviewed, "n")].sort());
    expect(await redis.exists(`${KEYS.casesBy}awaiting-action`)).toBe(0);
    const overdue = cutoffsOf({ ackHours: 24, actDays: 3 }, now);
    expect((await store.list({ overdue }, 0, 10)).cases.map((item) => item.code)).toEqual([reviewed, late]);
  });

  it("lists a reporter's own cases newest first, also those sent within the same hour", async () => {
    await redis.flushdb();
    const hour = Date.UTC(2026, 10, 30, 9);
    const codes = ["OWN-AAA-AAA", "OWN-CCC-CCC", "OWN-DDD-DDD"];
    for (const [index, code] of [...codes].reverse().entries()) {
      await store.submit({
        code, draftId: code, pin: "123456", consentVersion: "v", consentAt: hour, reporterId: 77, locale: "ru", now: hour + index * 60_000,
        draft: { reporter: "victim", placeType: "police", region: "osh", when: "today", narrative: "n", urgent: false, attachments: [], contact: { kind: "chat", chatId: 77 } },
      });
    }
    // Sent DDD, CCC, AAA in that order, within one hour: newest first is AAA, CCC, DDD.
    expect((await store.listOwn(77)).map((item) => item.code)).toEqual(codes);
  });

  it("walks bitmaps of many thousand cases to any page, across their blocks, as counting them one by one would", async () => {
    await redis.flushdb();
    // 10,000 numbered cases written straight into the indexes: every third in Talas, every seventh urgent.
    const cases = 10_000;
    const code = (n: number) => `M${String(n).padStart(5, "0")}-AAAA`;
    const batch = redis.pipeline().set(KEYS.caseCount, cases);
    for (let n = 0; n < cases; n++) {
      batch.setrange(KEYS.caseCodes, n * CODE_WIDTH, code(n)).hset(KEYS.case + code(n), { n, status: "new", region: n % 3 ? "osh" : "talas", urgent: n % 7 ? "0" : "1", placeType: "police", createdAt: 0 });
      if (n % 3 === 0) batch.setbit(INDEX.region("talas"), n, 1);
      if (n % 7 === 0) batch.setbit(INDEX.urgent, n, 1);
    }
    await batch.exec();
    const matching = Array.from({ length: cases }, (_, n) => cases - 1 - n).filter((n) => n % 21 === 0).map(code);
    for (const offset of [0, 10, 150, 200, 470, matching.length - 3, matching.length]) {
      const page = await store.list({ region: "talas", urgent: true }, offset, 10);
      expect(page.cases.map((item) => item.code), `offset ${offset}`).toEqual(matching.slice(offset, offset + 10));
      expect([page.total, page.more]).toEqual([matching.length, offset + 10 < matching.length]);
    }
    const talas = await store.list({ region: "talas" }, 3000, 10);
    expect(talas.cases.map((item) => item.code)).toEqual(Array.from({ length: cases }, (_, n) => cases - 1 - n).filter((n) => n % 3 === 0).slice(3000, 3010).map(code));
    expect(talas.total).toBe(3334);
  });

  it("numbers the cases an earlier version indexed in sorted sets, builds its bitmaps from them, once, and drops the sets", async () => {
    await redis.flushdb();
    const now = Date.now();
    const older = await storeCase(store, "OLD", { region: "naryn", urgent: true }, now - 3_600_000);
    const newer = await storeCase(store, "OLD", { region: "osh" }, now);
    await store.assign(older, 42, "staff:1", now);
    // As an earlier version left them: every case in «cases» by the hour sent, a sorted set per field, no numbers.
    await redis.hset(KEYS.case + older, "status", "in-progress");
    await asIndexedBeforeNumbers(redis);
    await redis.zadd(`${KEYS.casesBy}region:naryn`, 1, older);
    expect((await store.list({ region: "naryn" }, 0, 10)).total).toBe(0);

    expect(await indexCases(redis, captureLogs().logger, 365)).toBe(2);
    expect((await store.list({}, 0, 10)).cases.map((item) => item.code)).toEqual([newer, older]);
    expect((await store.list({ status: "in-review", region: "naryn", urgent: true, assignee: 42 }, 0, 10)).cases.map((item) => item.code)).toEqual([older]);
    expect((await store.list({ status: "new" }, 0, 10)).cases.map((item) => item.code)).toEqual([newer]);
    expect(await redis.keys("cases")).toEqual([]);
    expect(await redis.keys(`${KEYS.casesBy}status:*`)).toEqual([]);
    expect(await indexCases(redis, captureLogs().logger, 365)).toBe(0);
    // A case an older process writes during the upgrade goes to the earlier set: numbered at the next start.
    const late = "LAT-000-AAA";
    await redis.multi().hset(KEYS.case + late, { status: "new", region: "talas", placeType: "police", urgent: "0", createdAt: now }).zadd("cases", now, late).exec();
    const logs = captureLogs();
    expect(await indexCases(redis, logs.logger, 365)).toBe(1);
    expect(logs.records().map((record) => record.msg)).toEqual(["numbered cases that a process of an earlier version wrote after the upgrade: stop such processes"]);
    expect(await redis.hget(KEYS.case + late, "n")).toBe("2");
    expect(await redis.exists("cases")).toBe(0);
    expect((await store.list({ region: "talas", status: "new" }, 0, 10)).cases.map((item) => item.code)).toEqual([late]);
    // A new case after it takes the next number.
    const third = await storeCase(store, "OLD");
    expect((await store.list({}, 0, 1)).cases.map((item) => item.code)).toEqual([third]);
    expect(await redis.hget(KEYS.case + third, "n")).toBe("3");
  });

  it("is shown to a caseworker with a line per case, and its filters and pages edit the one message", async () => {
    await redis.flushdb();
    for (let i = 0; i < 11; i++) await storeCase(store, "BOT", { region: i === 0 ? "talas" : "osh" });
    const bot = createTestBot(redis);
    const l = labels(bot, "ru");
    const staffId = newUserId();
    await redis.sadd(KEYS.roles + staffId, "caseworker");
    const caseworker = bot.user({ id: staffId, language_code: "ru" });
    await caseworker.send("/cases");
    expect(caseworker.last.text.split("\n")[0]).toBe(`<b>${l("case-list-title", { from: 1, to: 10, total: 11 })}</b>`);
    expect(caseworker.last.text.split("\n")).toHaveLength(11);
    expect(caseworker.last.text).not.toContain("beat me");
    await caseworker.click(l("case-list-older"));
    expect(caseworker.messages).toHaveLength(1);
    expect(caseworker.last.text.split("\n")[0]).toBe(`<b>${l("case-list-title", { from: 11, to: 11, total: 11 })}</b>`);
    await caseworker.click(`${l("case-filter-region")}: ${l("case-filter-all")}`);
    expect(buttonsOf(caseworker.last).map(buttonText)).toContain(`${l("case-filter-region")}: ${l("report-region-bishkek")}`);
    expect(caseworker.last.text.split("\n")[0]).toBe(`<b>${l("case-list-empty")}</b>`);
    // Each press moves the region on: Bishkek → Osh city → Chuy → Talas.
    for (const shown of ["bishkek", "osh-city", "chuy"]) await caseworker.click(`${l("case-filter-region")}: ${l(`report-region-${shown}`)}`);
    expect(caseworker.last.text.split("\n")[0]).toBe(`<b>${l("case-list-title", { from: 1, to: 1, total: 1 })}</b>`);
    expect(caseworker.last.text).toContain(l("report-region-talas"));
    expect(caseworker.messages).toHaveLength(1);
    await caseworker.click(l("case-filter-urgent-off"));
    expect(buttonsOf(caseworker.last).map(buttonText)).toContain(l("case-filter-urgent-on"));
  });

  it("gives nothing to anyone who is not a caseworker, by command or by a forged button", async () => {
    await redis.flushdb();
    await storeCase(store, "SEC", {});
    const bot = createTestBot(redis);
    const citizen = bot.user({ id: newUserId(), language_code: "ru" });
    await citizen.send("/cases");
    await citizen.pressData({ message_id: 1, text: "" }, LIST.encode({ filter: {}, mine: true, overdue: false, offset: 0 }));
    expect(citizen.messages.map((message) => message.text).join("\n")).not.toMatch(/SEC-|case-list/);
    expect(citizen.calls.filter((call) => call.method === "answerCallbackQuery").map((call) => call.payload.text)).toEqual([labels(bot, "ru")("unhandled-button")]);
  });

  it("keeps every button's data within Telegram's 64 bytes, for the longest filter", () => {
    const state = { filter: { status: "needs-information", urgent: true, region: "jalal-abad", placeType: "social-care" }, mine: true, overdue: true, offset: 99_990 } as const;
    const longest = LIST.encode(state);
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(64);
    expect(LIST.decode([...LIST.data.exec(longest)!])).toEqual(state);
    expect(LIST.decode([...LIST.data.exec("cl:nope:-:-:-:-:-:0")!])).toBeUndefined();
    const { text } = caseListScreen((key) => key, { filter: {}, mine: false, overdue: false, offset: 0 }, { total: 0, more: false, cases: [] }, 0, { ackBefore: 0, actBefore: 0 }, new Map());
    expect(text).toBe("<b>case-list-empty</b>");
  });

  it("costs a citizen no role lookup: staff handlers read the role only once their command or button matched", async () => {
    const bot = createTestBot(redis);
    const citizen = bot.user({ id: newUserId(), language_code: "ru" });
    const lookups = vi.spyOn(redis, "smembers");
    await citizen.send("/start");
    await citizen.send("что делать при задержании");
    await citizen.send("/help");
    expect(lookups).not.toHaveBeenCalled();
    await citizen.send("/cases");
    expect(lookups).toHaveBeenCalledTimes(1);
    lookups.mockRestore();
  });
});
