import { describe, expect, it } from "vitest";
import { LOCALES } from "../src/config.js";
import { createSubscribers } from "../src/news/subscribers.js";
import { createCipher } from "../src/crypto.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, TEST_DATA_KEY, useRedis } from "./harness.js";
import { labels } from "./report-helpers.js";

const redis = useRedis();
const subscribers = createSubscribers(redis, createCipher(TEST_DATA_KEY));

describe("the news subscription", () => {
  it("is offered in the menu, taken with one tap, and follows the person's language", async () => {
    const bot = createTestBot(redis);
    const [ky, ru] = [labels(bot, "ky"), labels(bot, "ru")];
    const person = bot.user({ id: newUserId(), language_code: "ky" });
    await person.send("/start");
    await person.click(ky("menu-news"));
    expect(person.last.text).toBe(ky("news-empty"));
    await person.click(ky("news-subscription"));
    expect(person.last.text).toBe(ky("subscription-off"));
    await person.click(ky("subscription-start"));
    expect(person.last.text).toBe(`${ky("subscription-on", { language: ky("subscription-language-ky") })}\n${ky("subscription-region-none")}`);
    expect(buttonsOf(person.last).map(buttonText)).toEqual([ky("subscription-region-choose"), ky("subscription-stop"), ky("rights-home")]);
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ky" });
    expect(await subscribers.count({ locale: "ky" }, LOCALES)).toBe(1);

    await person.send("/language");
    await person.click("Русский");
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ru" });
    expect(await subscribers.count({ locale: "ky" }, LOCALES)).toBe(0);
    await person.send("/subscribe");
    expect(person.last.text).toBe(`${ru("subscription-on", { language: ru("subscription-language-ru") })}\n${ru("subscription-region-none")}`);

    // The region is optional; chosen, it is kept, and can be taken off again.
    await person.click(ru("subscription-region-choose"));
    expect(person.last.text).toBe(ru("subscription-region-ask"));
    expect(buttonsOf(person.last).map(buttonText)).not.toContain(ru("report-region-unknown"));
    await person.click(ru("report-region-naryn"));
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ru", region: "naryn" });
    expect(person.last.text).toContain(ru("subscription-region", { region: ru("report-region-naryn") }));
    expect(await subscribers.count({ region: "naryn" }, LOCALES)).toBe(1);
    // Subscribing again keeps it.
    await person.send("/subscribe");
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ru", region: "naryn" });
    await person.click(ru("subscription-region-change"));
    await person.click(ru("subscription-region-clear"));
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ru" });
    expect(await subscribers.count({ region: "naryn" }, LOCALES)).toBe(0);

    await person.click(ru("subscription-stop"));
    expect(person.last.text).toBe(ru("subscription-stopped"));
    expect(await subscribers.subscription(person.id)).toBeUndefined();
  });

  it("/subscribe and /unsubscribe work as commands, and unsubscribing twice says there was nothing to stop", async () => {
    const bot = createTestBot(redis);
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/subscribe");
    expect(person.last.text).toBe(`${l("subscription-on", { language: l("subscription-language-ru") })}\n${l("subscription-region-none")}`);
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ru" });
    await person.send("/unsubscribe");
    expect(person.last.text).toBe(l("subscription-stopped"));
    await person.send("/unsubscribe");
    expect(person.last.text).toBe(l("subscription-none"));
    expect(buttonsOf(person.last).map(buttonText)).toEqual([l("subscription-start"), l("rights-home")]);
    expect(await subscribers.subscription(person.id)).toBeUndefined();
    // A region button pressed after unsubscribing (an old screen, or forged) subscribes nobody.
    await person.pressData({ message_id: 1, text: "" }, "sub:region:osh");
    expect(await subscribers.subscription(person.id)).toBeUndefined();
    expect(await subscribers.count({}, LOCALES)).toBe(0);
  });

  it("a language change of someone not subscribed subscribes nobody", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ky" });
    await person.send("/language");
    await person.click("Русский");
    expect(await subscribers.subscription(person.id)).toBeUndefined();
  });

  it("follows the language the bot speaks when it changes without a choice: guessed from what the person writes", async () => {
    const bot = createTestBot(redis);
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/subscribe");
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ru" });
    await person.send("Мага жардам керек, укуктарым кандай?");
    expect(await subscribers.subscription(person.id)).toEqual({ locale: "ky" });
    expect(await subscribers.count({ locale: "ru" }, LOCALES)).toBe(0);
  });
});
