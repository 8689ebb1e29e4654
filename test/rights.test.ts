import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../src/config.js";
import { parseProfile } from "../src/profile.js";
import { childrenOf, topicById, TOPICS, type Topic } from "../src/rights/topics.js";
import { FAKE_BOT_INFO } from "../src/telegram/fake-telegram.js";
import { buttonText, buttonsOf, type FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, newPerson, newUserId, useRedis } from "./harness.js";

const redis = useRedis();
const { i18n } = createTestBot(redis);
// The shipped profile names no organisation (see profile.yaml).
const t = (locale: Locale, id: string) => i18n.t(locale, id, { org: "", named: "no" });
const title = (locale: Locale, topic: Topic) => t(locale, `rights-${topic.id}-title`);

function expectCard(person: FakeUser, locale: Locale, topic: Topic) {
  const { text } = person.last;
  expect(text.startsWith(`<b>${title(locale, topic)}</b>\n\n${t(locale, `rights-${topic.id}-body`)}`)).toBe(true);
  expect(text).toContain(`<b>${t(locale, "rights-next")}:</b> ${t(locale, `rights-${topic.id}-next`)}`);
  const [year, month, day] = topic.reviewed.split("-");
  expect(text).toContain(i18n.t(locale, "rights-reviewed", { date: `${day}.${month}.${year}` }));
  expect(text).not.toMatch(/[{}$]|rights-/);
  const labels = buttonsOf(person.last).map(buttonText);
  const linked = [...childrenOf(topic.id), ...(topic.see ?? []).map((id) => topicById(id)!)].map((other) => title(locale, other));
  const contacts = topic.contacts ? [t(locale, "menu-contacts")] : [];
  const report = topic.startsReport ? [t(locale, "menu-report")] : [];
  expect(labels).toEqual([...linked, ...contacts, ...report, t(locale, "rights-back"), t(locale, "rights-home")]);
}

describe("rights library", () => {
  it("has the seven required topics at the top, each card with at most a phone screen of text", () => {
    expect(childrenOf(undefined).map((topic) => topic.id)).toEqual([
      "torture", "detained", "harmed", "complain", "places", "legal-aid", "institutions",
    ]);
    for (const locale of LOCALES) {
      for (const topic of TOPICS) expect(t(locale, `rights-${topic.id}-body`).length).toBeLessThan(900);
    }
  });

  for (const locale of LOCALES) {
    it(`every topic can be reached, read and left with «back», in ${locale}, all in one message`, async () => {
      const { user } = createTestBot(redis);
      const person = user({ id: newUserId(), language_code: locale });
      await person.send("/start");
      await person.click(t(locale, "menu-rights"));
      expect(person.messages).toHaveLength(1);
      expect(person.last.text).toBe(t(locale, "rights-list"));

      const visit = async (topic: Topic, backTo: string) => {
        await person.click(title(locale, topic));
        expectCard(person, locale, topic);
        for (const child of childrenOf(topic.id)) await visit(child, `<b>${title(locale, topic)}</b>`);
        await person.click(t(locale, "rights-back"));
        expect(person.last.text.startsWith(backTo)).toBe(true);
      };
      for (const topic of childrenOf(undefined)) await visit(topic, t(locale, "rights-list"));

      expect(person.messages).toHaveLength(1);
      await person.click(t(locale, "rights-home"));
      expect(person.last.text).toBe(t(locale, "start-greeting"));
    });
  }

  it("/rights opens the topic list as a new message", async () => {
    const person = newPerson(redis, "ky");
    await person.send("/rights");
    expect(person.last.text).toBe(t("ky", "rights-list"));
    expect(buttonsOf(person.last).map(buttonText)).toContain(title("ky", TOPICS[0]!));
  });

  it("names the organisation from the profile where a card speaks about it", async () => {
    const profile = parseProfile(`organisation:\n  name: { ky: "Борбор <К>", ru: "Центр <К>" }\n  description: { ky: Сыноо., ru: Проверка. }\n`, "test");
    const { user } = createTestBot(redis, { profile });
    const person = user({ id: newUserId(), language_code: "ru" });
    await person.send("/start complain-centre");
    expect(person.last.text).toContain("организации «Центр &lt;К&gt;»");
    await person.click(t("ru", "menu-report"));
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
    expect(person.last.text).toContain("сотрудники организации «Центр &lt;К&gt;»");
  });

  for (const locale of LOCALES) {
    it(`does not name a body that may not read the report while the profile names none, in ${locale}`, async () => {
      const person = newPerson(redis, locale);
      await person.send("/start complain-centre");
      expect(person.last.text).toContain(t(locale, "rights-complain-centre-body"));
      expect(person.last.text).not.toMatch(/«»|Национальн\w+ центр\w* по предупреждению пыток»|554 999 222/);
    });
  }

  it("sends the person to other cards, the contacts and the form by buttons, not by titles to look for", async () => {
    for (const topic of TOPICS) {
      for (const id of topic.see ?? []) expect(topicById(id), `${topic.id} links to ${id}`).toBeDefined();
      for (const locale of LOCALES) {
        // The old texts named titles that do not exist («откройте тему «Если вас пытали»», «раздел «Контакты»»).
        expect(t(locale, `rights-${topic.id}-next`)).not.toMatch(/тему «|раздел «|темасы|бөлүмү\)/);
      }
    }
    const person = newPerson(redis, "ru");
    await person.send("/start torture");
    await person.click(title("ru", topicById("harmed")!));
    expectCard(person, "ru", topicById("harmed")!);
    await person.send("/start detained-hours");
    await person.click(t("ru", "menu-contacts"));
    expect(person.last.text).toContain(t("ru", "contacts-referrals"));
    await person.send("/start harmed-doctor");
    await person.click(t("ru", "menu-report"));
    expect(person.last.text).toMatch(/^<b>Прежде чем начать<\/b>/);
  });

  it("gives each card its own review date", () => {
    expect(new Set(TOPICS.map((topic) => topic.reviewed)).size).toBeGreaterThan(1);
    for (const topic of TOPICS) expect(topic.reviewed).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it("answers a forged or outdated topic button without showing anything", async () => {
    const person = newPerson(redis, "ru");
    await person.pressData({ message_id: 1, text: "old" }, "rights:no-such-topic");
    expect(person.calls).toEqual([{ method: "answerCallbackQuery", payload: expect.objectContaining({ text: t("ru", "unhandled-button") }) }]);
  });
});

describe("deep links t.me/<bot>?start=<topic>", () => {
  for (const topic of TOPICS) {
    it(`open «${topic.id}» directly`, async () => {
      const person = newPerson(redis, "ru");
      await person.send(`/start ${topic.id}`);
      expect(person.messages).toHaveLength(1);
      expectCard(person, "ru", topic);
    });
  }

  it("ask for the language first when it is unknown, then open the card in the chosen one", async () => {
    const person = newPerson(redis, "de");
    await person.send("/start detained-lawyer");
    expect(person.last.text).toBe("Тилди тандаңыз:\nВыберите язык:");
    await person.click("Кыргызча");
    expectCard(person, "ky", TOPICS.find((topic) => topic.id === "detained-lawyer")!);
    await person.send("/start");
    expect(person.last.text).toBe(t("ky", "start-greeting"));
  });

  it("fall back to the greeting when the topic does not exist", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/start no-such-topic");
    expect(person.last.text).toBe(t("ru", "start-greeting"));
  });
});

describe("inline mode", () => {
  const answer = (person: FakeUser) => person.calls.filter((call) => call.method === "answerInlineQuery").at(-1)!.payload;

  it("offers matching cards in Russian to a Russian speaker, ready to send, with a deep link back", async () => {
    const person = newPerson(redis, "ru");
    await person.inlineQuery("адвокат");
    const { results, is_personal } = answer(person);
    expect(is_personal).toBe(true);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(3);
    const lawyer = results.find((result: { id: string }) => result.id === "detained-lawyer");
    expect(lawyer).toMatchObject({
      type: "article",
      title: "Право на адвоката",
      input_message_content: { parse_mode: "HTML", message_text: expect.stringContaining("<b>Право на адвоката</b>") },
      reply_markup: { inline_keyboard: [[{ text: "Открыть в боте", url: `https://t.me/${FAKE_BOT_INFO.username}?start=detained-lawyer` }]] },
    });
    expect(lawyer.description.length).toBeLessThanOrEqual(120);
  });

  it("speaks Kyrgyz to a Kyrgyz speaker, whatever language the query is in", async () => {
    const person = newPerson(redis, "ky");
    await person.inlineQuery("адвокат бербей жатышат");
    expect(answer(person).results[0]).toMatchObject({ id: "detained-lawyer", title: "Адвокат алуу укугу" });
  });

  it("follows the language chosen in the bot over Telegram's", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/language");
    await person.click("Кыргызча");
    await person.inlineQuery("");
    expect(answer(person).results.map((result: { title: string }) => result.title)).toEqual(childrenOf(undefined).map((topic) => title("ky", topic)));
  });

  it("offers to open the bot when nothing matches, and reads no conversation state for chat-less updates", async () => {
    const person = newPerson(redis, "ru");
    await person.inlineQuery("рецепт плова");
    expect(answer(person)).toMatchObject({ results: [], button: { text: "Ничего не нашлось — открыть бот", start_parameter: "inline" } });
    expect(await redis.keys("conversation:undefined")).toEqual([]);
  });
});
