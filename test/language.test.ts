import { KEYS } from "../src/redis.js";
import { describe, expect, it } from "vitest";
import { createTestBot, newPerson, newUserId, useRedis, personKey } from "./harness.js";

const redis = useRedis();

const KY_GREETING = /^Саламатсызбы!/;
const RU_GREETING = /^Здравствуйте!/;

describe("language negotiation", () => {
  it("greets in Russian straight away when Telegram says the person uses ru", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/start");
    expect(person.last.text).toMatch(RU_GREETING);
  });

  it("greets in Kyrgyz when Telegram says ky", async () => {
    const person = newPerson(redis, "ky");
    await person.send("/start");
    expect(person.last.text).toMatch(KY_GREETING);
  });

  it("asks with two buttons, in both languages, when the Telegram language is neither", async () => {
    const person = newPerson(redis, "en");
    await person.send("/start");
    expect(person.last.text).toBe("Тилди тандаңыз:\nВыберите язык:");
    expect(person.last.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Кыргызча", callback_data: "language:ky" }], [{ text: "Русский", callback_data: "language:ru" }]],
    });
  });

  it("stores the choice, confirms it and shows the menu in the chosen language", async () => {
    const person = newPerson(redis);
    await person.send("/start");
    await person.click("Русский");
    const [prompt, greeting] = person.messages;
    expect(prompt?.text).toBe("Теперь я говорю с вами по-русски.");
    expect(prompt?.reply_markup).toBeUndefined();
    expect(greeting?.text).toMatch(RU_GREETING);
    expect(JSON.parse((await redis.get(KEYS.session + personKey(person.id))) ?? "{}")).toMatchObject({ locale: "ru" });
    expect(person.calls.map((call) => call.method)).toContain("answerCallbackQuery");
  });

  it("keeps the choice across a restart: a new bot instance on the same Redis", async () => {
    const id = newUserId();
    const first = createTestBot(redis).user({ id, language_code: "ky" });
    await first.send("/language");
    await first.click("Русский");

    const second = createTestBot(redis).user({ id, language_code: "ky" });
    await second.send("/start");
    expect(second.last.text).toMatch(RU_GREETING);
    expect(await redis.ttl(KEYS.session + personKey(id))).toBeGreaterThan(24 * 3600);
  });

  it("the stored choice wins over Telegram's language", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/language");
    await person.click("Кыргызча");
    await person.send("/start");
    expect(person.last.text).toMatch(KY_GREETING);
  });

  it("/language and the menu entry both offer the choice again", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/start");
    await person.click("🌐 Сменить язык");
    expect(person.last.text).toBe("Тилди тандаңыз:\nВыберите язык:");
    await person.click("Кыргызча");
    expect(person.last.text).toMatch(KY_GREETING);
  });

  it("speaks the default locale (ky) to someone who has not chosen and whose language is unknown", async () => {
    const person = newPerson(redis, "de");
    await person.send("hello");
    expect(person.last.text).toMatch(/^Бул суроого жооп берген карточканы/);
  });

  it("honours DEFAULT_LOCALE=ru", async () => {
    const { user } = createTestBot(redis, { env: { DEFAULT_LOCALE: "ru" } });
    const person = user({ id: newUserId() });
    await person.send("hello");
    expect(person.last.text).toMatch(/^Я не нашёл карточку/);
  });
});
