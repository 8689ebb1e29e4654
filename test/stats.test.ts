import { PNG } from "pngjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCaseStore } from "../src/complaints/store.js";
import { readStats } from "../src/complaints/stats.js";
import { createCipher } from "../src/crypto.js";
import { createBroadcasts } from "../src/news/broadcasts.js";
import { createSubscribers } from "../src/news/subscribers.js";
import { KEYS } from "../src/redis.js";
import { statsChart } from "../src/stats-chart.js";
import { createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { labels, storeCase, auditLines } from "./report-helpers.js";

vi.mock("../src/complaints/codes.js", async (original) => ({ ...(await original<object>()), hashPin: async () => "scrypt$fast" }));

const redis = useRedis();
const store = createCaseStore(redis, createCipher(TEST_DATA_KEY));
// 15 November 2026, noon in Bishkek: the twelve months are December 2025 to November 2026.
const NOW = Date.UTC(2026, 10, 15, 6);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Three cases sent at `now`: in review in Osh, urgent at a colony in Chuy, withdrawn in Osh. */
async function knownCases(now: number) {
  await redis.flushdb();
  const inReview = await storeCase(store, "STA", { region: "osh" }, now);
  await storeCase(store, "STA", { region: "chuy", placeType: "colony", urgent: true }, now);
  const withdrawn = await storeCase(store, "STA", { region: "osh" }, now);
  await store.move(inReview, { to: "in-review" }, "staff:1", now);
  await store.withdraw(withdrawn, "reporter", now);
}

async function askStats(bot: ReturnType<typeof createTestBot>, role: string | undefined, locale = "ru") {
  const id = newUserId();
  if (role) await redis.sadd(KEYS.roles + id, role);
  const person = bot.user({ id, language_code: locale });
  await person.send("/stats");
  return person;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("/stats", () => {
  it("counts cases by status, region, place and Bishkek month, and takes the median hours to a first action", async () => {
    await knownCases(NOW);
    // Bishkek is UTC+6: 18:00 UTC on 30 November 2025 is already 1 December there, an hour earlier is not.
    await storeCase(store, "OLD", { region: "naryn" }, Date.UTC(2025, 10, 30, 18, 30));
    await storeCase(store, "OLD", { region: "naryn" }, Date.UTC(2025, 10, 30, 17, 59));
    await storeCase(store, "OLD", { region: "naryn" }, Date.UTC(2026, 9, 31, 17, 59));
    await storeCase(store, "OLD", { region: "naryn" }, Date.UTC(2026, 9, 31, 18, 0));

    const stats = await readStats(redis, NOW);
    expect(stats).toMatchObject({ total: 7, urgent: 1 });
    expect(stats.byStatus).toEqual({ new: 5, "in-review": 1, "needs-information": 0, referred: 0, closed: 0, withdrawn: 1 });
    expect(stats.byRegion).toMatchObject({ osh: 2, chuy: 1, naryn: 4, bishkek: 0 });
    expect(stats.byPlace).toMatchObject({ police: 6, colony: 1, pretrial: 0 });
    expect(stats.byMonth.map(({ year, month }) => `${year}-${month}`)).toEqual([
      "2025-12", ...Array.from({ length: 11 }, (_, index) => `2026-${index + 1}`),
    ]);
    expect(stats.byMonth.map((month) => month.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 4]);
    expect(stats.firstAction).toBeUndefined();

    // Hours to a first action, counted per hour: 5, 10, 30.
    await redis.hset(KEYS.firstAction, 30, 1, 5, 1, 10, 1);
    expect((await readStats(redis, NOW)).firstAction).toEqual({ cases: 3, medianHours: 10 });
    await redis.hset(KEYS.firstAction, 50, 1);
    expect((await readStats(redis, NOW)).firstAction).toEqual({ cases: 4, medianHours: 20 });
    // 5, 10, 10, 10, 30, 50, 50: the middle one of seven.
    await redis.hset(KEYS.firstAction, 10, 3, 50, 2);
    expect((await readStats(redis, NOW)).firstAction).toEqual({ cases: 7, medianHours: 10 });
    await redis.hset(KEYS.firstAction, 50, 4);
    // 5, 10, 10, 10, 30, 50, 50, 50, 50: still 30 in the middle.
    expect((await readStats(redis, NOW)).firstAction).toEqual({ cases: 9, medianHours: 30 });
  });

  it("shows a caseworker the counts in their language, then the chart as a protected PNG, and writes the look to the audit", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    await knownCases(NOW);
    await redis.hset(KEYS.firstAction, 36, 1);
    const subscribers = createSubscribers(redis, createCipher(TEST_DATA_KEY));
    await subscribers.subscribe(newUserId(), 1, { locale: "ky", region: "osh" });
    await subscribers.subscribe(newUserId(), 2, { locale: "ky" });
    await subscribers.subscribe(newUserId(), 3, { locale: "ru", region: "osh" });
    const { id } = await createBroadcasts(redis).create({ text: { ru: "Новость" }, audience: {} }, 1, { approval: true });
    await redis.hset(`${KEYS.broadcast}${id}`, "sent", 40, "failed", 2, "blocked", 3);
    const bot = createTestBot(redis);
    for (const locale of ["ru", "ky"] as const) {
      const l = labels(bot, locale);
      const caseworker = await askStats(bot, "caseworker", locale);
      const [text, photo] = caseworker.calls.filter((call) => call.method.startsWith("send"));
      expect(text).toMatchObject({ method: "sendMessage", payload: { parse_mode: "HTML", protect_content: true } });
      const lines: string[] = text!.payload.text.split("\n");
      const asOf = l("stats-as-of", { time: "15.11.2026 12:00" });
      expect(lines.slice(0, 2)).toEqual([`<b>${l("stats-title")}</b>`, asOf]);
      expect(lines).toContain(l("stats-total", { total: 3, urgent: 1 }));
      expect(lines).toContain(l("stats-first-action", { hours: 36, days: 1.5, cases: 1 }));
      expect(lines).toContain(`<b>${l("stats-by-region")}</b>`);
      expect(lines).toContain(l("stats-row", { label: l("report-region-osh"), count: 2 }));
      expect(lines).toContain(l("stats-row", { label: l("case-status-withdrawn"), count: 1 }));
      expect(lines).toContain(l("stats-row", { label: l("report-place-colony"), count: 1 }));
      expect(lines).toContain(l("stats-row", { label: l("stats-month", { month: 11, year: "2026" }), count: 3 }));
      // The news: subscribers by language and by region, and what the broadcasts sent.
      expect(lines).toContain(`<b>${l("stats-subscribers", { total: 3 })}</b>`);
      expect(lines).toContain(l("stats-row", { label: l("publish-language-ky"), count: 2 }));
      expect(lines.slice(lines.indexOf(`<b>${l("stats-subscribers-by-region")}</b>`) + 1)[0]).toBe(l("stats-row", { label: l("report-region-osh"), count: 2 }));
      expect(lines.at(-1)).toBe(l("stats-broadcasts-totals", { sent: 40, failed: 2, blocked: 3 }));

      expect(photo).toMatchObject({ method: "sendPhoto", payload: { protect_content: true, caption: `${l("stats-title")}\n${asOf}` } });
      const bytes = (photo!.payload.photo as { bytes: Buffer }).bytes;
      expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const image = PNG.sync.read(bytes);
      expect(image.width).toBe(800);
      expect(image.height).toBeGreaterThan(1000);

      const audit = await auditLines(redis);
      expect(audit).toContain(`action stats actor staff:${caseworker.id}`);
    }
  });

  it("is nothing to a citizen or an editor: the command falls through as any unknown one does", async () => {
    await knownCases(NOW);
    const bot = createTestBot(redis);
    const stranger = bot.user({ id: newUserId(), language_code: "ru" });
    await stranger.send("/nosuchcommand");
    for (const role of [undefined, "editor"]) {
      const person = await askStats(bot, role);
      expect(person.calls.map((call) => [call.method, call.payload.text])).toEqual(stranger.calls.map((call) => [call.method, call.payload.text]));
    }
    expect(bot.telegram.calls.some((call) => call.method === "sendPhoto")).toBe(false);
    const audit = await redis.xrange(KEYS.audit, "-", "+");
    expect(audit.map(([, fields]) => fields[1])).not.toContain("stats");
  });

  it("is shown to an admin too, and says when no case has been acted on yet", async () => {
    await knownCases(NOW);
    const admin = newUserId();
    const bot = createTestBot(redis, { env: { ADMIN_IDS: String(admin) } });
    const person = bot.user({ id: admin, language_code: "ky" });
    await person.send("/stats");
    expect(person.messages[0]!.text.split("\n")).toContain(labels(bot, "ky")("stats-first-action-none"));
    expect(person.calls.map((call) => call.method)).toEqual(["sendMessage", "sendPhoto"]);
  });

  it("draws the picture off the main thread: other people's updates go on meanwhile", async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const rows = Array.from({ length: 12 }, (_, index) => ({ label: `ай ${index + 1}`, count: index * 10 }));
    await statsChart({ title: "Статистика", subtitle: "1-декабрь" }, [{ title: "Айлар", rows, upright: true }, { title: "Аймактар", rows }], "ky");
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
  });

  it("draws its words: a font with Cyrillic is found, so labels change the picture", async () => {
    const pixels = async (label: string) => PNG.sync.read(await statsChart({ title: label, subtitle: label }, [{ title: label, rows: [{ label, count: 1 }] }], "ky")).data;
    expect((await pixels("ңөү ҢӨҮ")).equals(await pixels(""))).toBe(false);
  });
});
