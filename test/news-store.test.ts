import { describe, expect, it } from "vitest";
import { LOCALES } from "../src/config.js";
import { createCipher, newDataKey } from "../src/crypto.js";
import { createNewsStore } from "../src/news/items.js";
import { createSubscribers, numberSubscribers } from "../src/news/subscribers.js";
import { KEYS } from "../src/redis.js";
import { newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { rawRedis } from "./report-helpers.js";

const redis = useRedis();
const news = createNewsStore(redis);
const cipher = createCipher(TEST_DATA_KEY);
const subscribers = createSubscribers(redis, cipher);

describe("the news store", () => {
  it("keeps the published items newest first, in pages; an edit keeps an item's place, unpublishing takes it out", async () => {
    await redis.flushdb();
    const day = 86_400_000;
    const first = await news.publish({ at: 1 * day, text: { ky: "Биринчи жаңылык", ru: "Первая новость" } });
    const second = await news.publish({ at: 2 * day, text: { ru: "Только по-русски" }, photo: "AgACphoto", link: "https://example.org/a" });
    const third = await news.publish({ at: 3 * day, text: { ky: "Үчүнчү", ru: "Третья" } });
    const ids = async (offset: number, count: number) => (await news.page(offset, count)).items.map((item) => item.id);
    expect(await ids(0, 2)).toEqual([third, second]);
    expect(await ids(2, 2)).toEqual([first]);
    expect((await news.page(0, 2)).total).toBe(3);
    expect((await news.page(0, 3)).items[1]).toEqual({ id: second, at: 2 * day, text: { ru: "Только по-русски" }, photo: "AgACphoto", link: "https://example.org/a" });

    expect(await news.edit({ id: first, at: 1 * day, text: { ky: "Оңдолгон", ru: "Исправлено" } })).toBe(true);
    expect(await ids(0, 3)).toEqual([third, second, first]);
    expect((await news.get(first))?.text).toEqual({ ky: "Оңдолгон", ru: "Исправлено" });
    expect(await news.edit({ id: 999, at: 0, text: { ru: "нет" } })).toBe(false);
    expect(await news.get(999)).toBeUndefined();

    expect(await news.unpublish(second)).toBe(true);
    expect(await news.unpublish(second)).toBe(false);
    expect(await ids(0, 10)).toEqual([third, first]);
    expect((await news.page(0, 10)).total).toBe(2);
    expect((await news.get(second))?.text.ru).toBe("Только по-русски");
  });

  it("keeps a feed per language of the items with a text in it; an edit moves an item in or out of a language's feed", async () => {
    await redis.flushdb();
    const both = await news.publish({ at: 1, text: { ky: "Экөө", ru: "Оба" } });
    const ruOnly = await news.publish({ at: 2, text: { ru: "Только русский" } });
    const ids = async (locale?: "ky" | "ru") => (await news.page(0, 10, locale)).items.map((item) => item.id);
    expect(await ids("ky")).toEqual([both]);
    expect(await ids("ru")).toEqual([ruOnly, both]);
    expect(await ids()).toEqual([ruOnly, both]);
    expect(await news.edit({ id: ruOnly, at: 2, text: { ky: "Эми кыргызча да", ru: "Только русский" } })).toBe(true);
    expect(await ids("ky")).toEqual([ruOnly, both]);
    expect(await news.edit({ id: both, at: 1, text: { ky: "Кыргызча гана" } })).toBe(true);
    expect(await ids("ru")).toEqual([ruOnly]);
    expect((await news.page(0, 10, "ru")).total).toBe(1);
    expect(await news.unpublish(ruOnly)).toBe(true);
    expect(await ids("ky")).toEqual([both]);
    expect(await ids("ru")).toEqual([]);
    // An edit of an unpublished item does not bring it back.
    expect(await news.edit({ id: ruOnly, at: 2, text: { ru: "Снова" } })).toBe(true);
    expect(await ids("ru")).toEqual([]);
    expect(await news.isPublished(ruOnly)).toBe(false);
  });
});

describe("subscribers", () => {
  const counts = async () => ({
    all: await subscribers.count({}, LOCALES), ky: await subscribers.count({ locale: "ky" }, LOCALES), ru: await subscribers.count({ locale: "ru" }, LOCALES),
    osh: await subscribers.count({ region: "osh" }, LOCALES), ruOsh: await subscribers.count({ locale: "ru", region: "osh" }, LOCALES),
  });

  it("subscribe, change, follow the language, unsubscribe: the audience counts follow, and Redis holds no id in plain form", async () => {
    await redis.flushdb();
    const person = newUserId();
    const chat = person + 7;
    expect(await subscribers.subscribe(person, chat, { locale: "ky", region: "osh" })).toBe(true);
    expect(await subscribers.subscribe(person, chat, { locale: "ky", region: "osh" })).toBe(false);
    expect(await counts()).toEqual({ all: 1, ky: 1, ru: 0, osh: 1, ruOsh: 0 });
    expect(await subscribers.subscription(person)).toEqual({ locale: "ky", region: "osh" });

    expect(await subscribers.followLanguage(person, "ru")).toBe(true);
    expect(await subscribers.subscription(person)).toEqual({ locale: "ru", region: "osh" });
    expect(await counts()).toEqual({ all: 1, ky: 0, ru: 1, osh: 1, ruOsh: 1 });

    expect(await subscribers.setRegion(person, "naryn")).toBe(true);
    expect(await counts()).toEqual({ all: 1, ky: 0, ru: 1, osh: 0, ruOsh: 0 });
    expect(await subscribers.count({ region: "naryn" }, LOCALES)).toBe(1);
    expect(await subscribers.setRegion(person, "osh")).toBe(true);
    expect(await subscribers.setRegion(newUserId(), "osh")).toBe(false);
    expect(await counts()).toEqual({ all: 1, ky: 0, ru: 1, osh: 1, ruOsh: 1 });

    const raw = await rawRedis(redis);
    expect(raw).not.toContain(String(person));
    expect(raw).not.toContain(String(chat));

    expect(await subscribers.subscribe(person, chat, { locale: "ru" })).toBe(false);
    expect(await counts()).toEqual({ all: 1, ky: 0, ru: 1, osh: 0, ruOsh: 0 });
    expect(await subscribers.unsubscribe(person)).toBe(true);
    expect(await subscribers.unsubscribe(person)).toBe(false);
    expect(await subscribers.followLanguage(person, "ky")).toBe(false);
    expect(await subscribers.subscription(person)).toBeUndefined();
    expect(await counts()).toEqual({ all: 0, ky: 0, ru: 0, osh: 0, ruOsh: 0 });
  });

  it("finds a subscription made before a DATA_KEY rotation, and moves it to the new pseudonym when it changes", async () => {
    await redis.flushdb();
    const oldKey = newDataKey();
    const person = newUserId();
    await createSubscribers(redis, createCipher(oldKey)).subscribe(person, person, { locale: "ky" });
    const rotated = createCipher(newDataKey(), [oldKey]);
    const after = createSubscribers(redis, rotated);
    expect(await after.subscription(person)).toEqual({ locale: "ky" });
    expect(await after.followLanguage(person, "ru")).toBe(true);
    expect(await redis.hkeys(KEYS.subscribers)).toEqual([rotated.pseudonym(String(person))]);
    expect(await after.count({}, LOCALES)).toBe(1);
    expect(await after.unsubscribe(person)).toBe(true);
    expect(await redis.hlen(KEYS.subscribers)).toBe(0);
  });

  it("keeps the counts equal to the subscriptions under 300 concurrent changes", async () => {
    await redis.flushdb();
    const people = Array.from({ length: 20 }, () => newUserId());
    const regions = ["osh", "naryn", undefined] as const;
    await Promise.all(Array.from({ length: 300 }, (_, index) => {
      const person = people[index % people.length]!;
      const change = index % 4;
      if (change === 0) return subscribers.unsubscribe(person);
      if (change === 1) return index % 2 ? subscribers.followLanguage(person, index % 3 ? "ru" : "ky") : subscribers.setRegion(person, index % 3 ? "osh" : undefined);
      const region = regions[index % 3];
      return subscribers.subscribe(person, person, { locale: index % 2 ? "ky" : "ru", ...(region ? { region } : {}) });
    }));
    const held = await Promise.all(people.map((person) => subscribers.subscription(person)));
    const present = held.filter((item) => item !== undefined);
    expect(await counts()).toEqual({
      all: present.length,
      ky: present.filter((item) => item.locale === "ky").length,
      ru: present.filter((item) => item.locale === "ru").length,
      osh: present.filter((item) => item.region === "osh").length,
      ruOsh: present.filter((item) => item.locale === "ru" && item.region === "osh").length,
    });
  });
});

describe("subscriber numbers", () => {
  it("gives each subscriber a number for good; a delivery reads them in ranges; dropping one by number keeps the counts and the number", async () => {
    await redis.flushdb();
    const [a, b, c] = [newUserId(), newUserId(), newUserId()];
    await subscribers.subscribe(a, a, { locale: "ky" });
    await subscribers.subscribe(b, b + 1, { locale: "ru", region: "osh" });
    await subscribers.subscribe(c, c, { locale: "ky" });
    expect(await subscribers.lastNumber()).toBe(3);
    await subscribers.unsubscribe(a);
    expect(await subscribers.numbered(1, 3)).toEqual([
      { number: 2, chatId: b + 1, locale: "ru", region: "osh" },
      { number: 3, chatId: c, locale: "ky" },
    ]);
    expect(await subscribers.drop(2)).toBe(true);
    expect(await subscribers.drop(2)).toBe(false);
    expect(await subscribers.subscription(b)).toBeUndefined();
    expect(await subscribers.countByLocale({}, LOCALES)).toEqual({ ky: 1, ru: 0 });
    expect(await subscribers.count({ region: "osh" }, LOCALES)).toBe(0);
    // Subscribing again after being dropped keeps the number; after unsubscribing, a new one is given.
    expect(await subscribers.subscribe(b, b + 1, { locale: "ru" })).toBe(true);
    expect((await subscribers.numbered(2, 2))[0]?.chatId).toBe(b + 1);
    await subscribers.subscribe(a, a, { locale: "ru" });
    expect(await subscribers.lastNumber()).toBe(4);
    expect(await subscribers.counts()).toEqual({ ky: 1, ru: 2, "ru:osh": 0 });
  });

  it("numbers the subscriptions an earlier build stored under the pseudonym, once, whoever runs it", async () => {
    await redis.flushdb();
    const person = newUserId();
    const pseudonym = cipher.pseudonym(String(person));
    await redis.hset(KEYS.subscribers, pseudonym, `ru|osh|${cipher.encrypt(String(person))}`);
    await redis.hset(`${KEYS.subscribers}:counts`, "ru", 1, "ru:osh", 1);
    expect((await Promise.all([numberSubscribers(redis), numberSubscribers(redis)])).reduce((sum, each) => sum + each, 0)).toBe(1);
    expect(await numberSubscribers(redis)).toBe(0);
    expect(await subscribers.subscription(person)).toEqual({ locale: "ru", region: "osh" });
    expect(await subscribers.numbered(1, 1)).toEqual([{ number: 1, chatId: person, locale: "ru", region: "osh" }]);
    expect(await subscribers.unsubscribe(person)).toBe(true);
    expect(await subscribers.count({}, LOCALES)).toBe(0);
  });
});
