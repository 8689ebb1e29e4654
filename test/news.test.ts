import { describe, expect, it } from "vitest";
import { createCipher } from "../src/crypto.js";
import { createNewsStore } from "../src/news/items.js";
import { createSubscribers } from "../src/news/subscribers.js";
import { localDate } from "../src/bot/report-view.js";
import { buttonsOf, buttonText } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { labels } from "./report-helpers.js";

const redis = useRedis();
const news = createNewsStore(redis);
const DAY = 86_400_000;

describe("the news feed", () => {
  it("shows the newest item of the reader's language; «Older» and «Newer» edit in place, and a text and a photo replace each other", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const [ky, ru] = [labels(bot, "ky"), labels(bot, "ru")];
    await news.publish({ at: 1 * DAY, text: { ky: "Биринчи <кабар>", ru: "Первая <новость>" }, link: "https://example.org/1" });
    await news.publish({ at: 2 * DAY, text: { ru: "Только по-русски" } });
    await news.publish({ at: 3 * DAY, text: { ky: "Сүрөт менен", ru: "С фото" }, photo: "AgACphoto3" });
    await news.publish({ at: 4 * DAY, text: { ky: "Жаңы", ru: "Свежая" }, photo: "AgACphoto4" });

    const person = bot.user({ id: newUserId(), language_code: "ky" });
    await person.send("/start");
    await person.click(ky("menu-news"));
    // The menu was a text: the photo item replaces it.
    expect(person.messages).toHaveLength(1);
    expect(person.last).toMatchObject({ photo: "AgACphoto4", text: `${ky("news-heading", { date: localDate(4 * DAY), position: 1, total: 3 })}\n\nЖаңы` });
    expect(buttonsOf(person.last).map(buttonText)).toEqual([ky("news-older"), ky("news-subscription"), ky("rights-home")]);
    const first = person.last.message_id;

    await person.click(ky("news-older"));
    expect(person.last).toMatchObject({ message_id: first, photo: "AgACphoto3" });
    expect(person.calls.filter((call) => call.method === "editMessageMedia")).toHaveLength(1);

    await person.click(ky("news-older"));
    // A photo cannot become a text by an edit: the message is replaced, and the chat still holds one.
    expect(person.messages).toHaveLength(1);
    expect(person.last.photo).toBeUndefined();
    expect(person.last.text).toBe(`${ky("news-heading", { date: localDate(1 * DAY), position: 3, total: 3 })}\n\nБиринчи &lt;кабар&gt;`);
    expect(buttonsOf(person.last).map(buttonText)).toEqual([ky("news-link"), ky("news-newer"), ky("news-subscription"), ky("rights-home")]);

    await person.click(ky("news-newer"));
    await person.click(ky("news-newer"));
    expect(person.last).toMatchObject({ photo: "AgACphoto4" });

    const reader = bot.user({ id: newUserId(), language_code: "ru" });
    await reader.send("/news");
    expect(reader.last.text).toContain("Свежая");
    await reader.click(ru("news-older"));
    await reader.click(ru("news-older"));
    expect(reader.last.text).toContain("Только по-русски");
    expect(reader.last.text).toContain(ru("news-heading", { date: localDate(2 * DAY), position: 3, total: 4 }));
  });

  it("says so when there is nothing in the reader's language, and a stale «Older» after unpublishing shows the oldest left", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ky = labels(bot, "ky");
    const only = await news.publish({ at: DAY, text: { ru: "Только по-русски" } });
    const person = bot.user({ id: newUserId(), language_code: "ky" });
    await person.send("/news");
    expect(person.last.text).toBe(ky("news-empty"));

    const a = await news.publish({ at: 2 * DAY, text: { ky: "Бир" } });
    await news.publish({ at: 3 * DAY, text: { ky: "Эки" } });
    await person.send("/news");
    await news.unpublish(a);
    await news.unpublish(only);
    await person.click(ky("news-older"));
    expect(person.last.text).toContain("Эки");
  });

  it("a broadcast message's one tap unsubscribes, and says so, leaving the message as it was", async () => {
    await redis.flushdb();
    const bot = createTestBot(redis);
    const ru = labels(bot, "ru");
    const subscribers = createSubscribers(redis, createCipher(TEST_DATA_KEY));
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/subscribe");
    const message = { message_id: 999_001, text: "Новость", reply_markup: { inline_keyboard: [[{ text: ru("broadcast-unsubscribe"), callback_data: "sub:stop" }]] } };
    await person.pressData(message, "sub:stop");
    expect(await subscribers.subscription(person.id)).toBeUndefined();
    expect(person.calls.at(-1)).toMatchObject({ method: "answerCallbackQuery", payload: { text: ru("broadcast-unsubscribed"), show_alert: true } });
    await person.pressData(message, "sub:stop");
    expect(person.calls.at(-1)).toMatchObject({ method: "answerCallbackQuery", payload: { text: ru("broadcast-not-subscribed") } });
  });
});
