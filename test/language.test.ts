import { KEYS } from "../src/redis.js";
import { describe, expect, it } from "vitest";
import { guessLanguage } from "../src/bot/language-guess.js";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
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
      inline_keyboard: [[{ text: "Кыргызча", callback_data: "language:ky:again" }], [{ text: "Русский", callback_data: "language:ru:again" }]],
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

  it("speaks the default locale (ky) where nothing tells the language of someone who has not chosen (a button)", async () => {
    const person = newPerson(redis, "de");
    await person.pressData({ message_id: 1, text: "" }, "rights");
    expect(person.last.text).toMatch(/^<b>Сиздин укуктарыңыз<\/b>/);
  });

  it("honours DEFAULT_LOCALE=ru", async () => {
    const { user } = createTestBot(redis, { env: { DEFAULT_LOCALE: "ru" } });
    const person = user({ id: newUserId() });
    await person.pressData({ message_id: 1, text: "" }, "rights");
    expect(person.last.text).toMatch(/^<b>Ваши права<\/b>/);
  });
});

describe("a person whose Telegram speaks neither language", () => {
  const PROMPT = "Тилди тандаңыз:\nВыберите язык:";
  const { i18n } = createTestBot(redis);
  const labelsOf = (person: FakeUser) => person.messages.flatMap((message) => buttonsOf(message).map(buttonText));

  it("tells the language of a first message where its words or letters show it, and asks otherwise", () => {
    expect(guessLanguage("где пожаловаться на полицию")).toBe("ru");
    expect(guessLanguage("сына избили в отделе")).toBe("ru");
    expect(guessLanguage("уулумду милицияда сабашты")).toBe("ky");
    expect(guessLanguage("мени кармашты эмне кылам")).toBe("ky");
    expect(guessLanguage("адвокат")).toBeUndefined();
    expect(guessLanguage("hello")).toBeUndefined();
    expect(guessLanguage("")).toBeUndefined();
  });

  it("answers a question in the language it is written in, offering the choice first", async () => {
    const person = newPerson(redis, "en");
    await person.send("где пожаловаться на полицию");
    const [note, answer] = person.messages;
    expect(note?.text).toBe(i18n.t("ru", "language-guessed"));
    expect(buttonsOf(note).map(buttonText)).toEqual(["Кыргызча", "Русский"]);
    expect(answer?.text).toBe(i18n.t("ru", "search-found"));
    expect(buttonsOf(answer).map(buttonText)).toContain(i18n.t("ru", "rights-complain-title"));
    // It stays with that language, without asking again, until the person chooses.
    await person.send("/report");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    expect(person.messages.filter((message) => message.text === note?.text)).toHaveLength(1);
  });

  it("answers in Kyrgyz a question written with Kyrgyz letters", async () => {
    const person = newPerson(redis, "de");
    await person.send("уулумду кармашты, эмне кылуу керек");
    expect(person.messages[0]?.text).toBe(i18n.t("ky", "language-guessed"));
    expect(person.last.text).toBe(i18n.t("ky", "search-found"));
  });

  it("asks when it cannot tell, then answers the question in the language chosen", async () => {
    const person = newPerson(redis, "en");
    await person.send("адвокат");
    expect(person.last.text).toBe(PROMPT);
    expect(person.last.reply_to?.text).toBe("адвокат");
    await person.click("Кыргызча");
    expect(person.messages.map((message) => message.text)).toEqual([i18n.t("ky", "language-changed"), i18n.t("ky", "search-found")]);
    expect(labelsOf(person)).toContain(i18n.t("ky", "rights-detained-lawyer-title"));
  });

  it("asks first, then opens the form, when the first message is /report", async () => {
    const person = newPerson(redis, "en");
    await person.send("/report");
    expect(person.last.text).toBe(PROMPT);
    await person.click("Русский");
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
  });

  it("asks, then shows the menu, for a first message with no words (a photo)", async () => {
    const person = newPerson(redis, "en");
    await person.sendMessage({ photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] });
    expect(person.last.text).toBe(PROMPT);
    await person.click("Русский");
    expect(person.last.text).toMatch(RU_GREETING);
  });

  it("answers inline queries in the language of the query, and in both when it cannot tell", async () => {
    const answer = (person: FakeUser) => person.calls.filter((call) => call.method === "answerInlineQuery").at(-1)!.payload;
    const person = newPerson(redis, "en");
    await person.inlineQuery("где найти адвоката");
    expect(answer(person).results[0]).toMatchObject({ id: "detained-lawyer", title: i18n.t("ru", "rights-detained-lawyer-title") });
    await person.inlineQuery("");
    const ids = answer(person).results.map((result: { id: string }) => result.id);
    expect(ids).toContain("torture:ky");
    expect(ids).toContain("torture:ru");
  });

  it("does what any command asked for once the language is chosen", async () => {
    for (const [command, expected] of [["/help", "help-text"], ["/Contacts", "contacts-unnamed"], ["/rights", "rights-list"]] as const) {
      const person = newPerson(redis, "en");
      await person.send(command);
      expect(person.last.text).toBe(PROMPT);
      await person.click("Русский");
      expect(person.last.text.startsWith(i18n.t("ru", expected).slice(0, 30))).toBe(true);
    }
  });

  it("follows the language a person writes in over Telegram's, offering the choice, until they choose", async () => {
    const person = newPerson(redis, "ru");
    await person.send("уулумду милиция бөлүмүндө сабашты");
    expect(person.messages[0]?.text).toBe(i18n.t("ky", "language-guessed"));
    expect(person.last.text).toBe(i18n.t("ky", "search-found"));
    await person.send("где мой сын");
    expect(person.messages.at(-2)?.text).toBe(i18n.t("ru", "language-guessed"));
    await person.click("Кыргызча");
    await person.send("где мой сын");
    expect(person.last.text).toBe(i18n.t("ky", "search-found"));
  });
});
