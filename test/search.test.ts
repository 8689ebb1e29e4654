import { describe, expect, it } from "vitest";
import { LOCALES } from "../src/config.js";
import { createMatcher } from "../src/rights/matching.js";
import { createRightsSearch, MAX_RESULTS } from "../src/rights/search.js";
import { topicById } from "../src/rights/topics.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newPerson, newUserId, useRedis } from "./harness.js";
import { evaluate, loadEvalCases, summarize, TARGETS } from "./search-eval.js";

const redis = useRedis();
const { i18n } = createTestBot(redis);
const search = createRightsSearch((locale, key, variables) => i18n.t(locale, key, variables));
const ids = (question: string) => search.search(question).map((topic) => topic.id);

describe("search in plain words", () => {
  it("the evaluation set has at least 50 questions per language, each naming real cards, and 20 no card answers", () => {
    const cases = loadEvalCases();
    for (const locale of LOCALES) expect(cases.filter((c) => c.lang === locale && c.expect).length).toBeGreaterThanOrEqual(50);
    expect(cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(20);
    for (const id of cases.flatMap((c) => c.expect ?? [])) expect(topicById(id), id).toBeDefined();
  });

  it("meets the targets in each language: the right card first for 90%, among the first 3 for 97%; and 90% of the unanswerable get no card", () => {
    const summary = summarize(evaluate(search, loadEvalCases()));
    for (const { lang, top1, top3 } of summary.languages) {
      expect(top1, `${lang} top-1`).toBeGreaterThanOrEqual(TARGETS.top1);
      expect(top3, `${lang} top-3`).toBeGreaterThanOrEqual(TARGETS.top3);
    }
    expect(summary.rejectedShare).toBeGreaterThanOrEqual(TARGETS.rejected);
  });

  it("reads Russian words by their stem, not their first letters: «пыткой» is torture", () => {
    expect(ids("что считается пыткой")[0]).toBe("torture");
    expect(ids("пыткой")[0]).toBe("torture");
    expect(ids("прокуратурой")[0]).toBe("complain-prosecutor");
  });

  it("knows the words for injuries, in both languages, and sends them to the doctor card", () => {
    for (const question of ["перелом", "сломали ребро", "сотрясение мозга", "ушибы", "сынык", "кабыргасы сынык", "бети көгарып калды"]) {
      expect(ids(question)[0], question).toBe("harmed-doctor");
    }
  });

  it("matches stems both ways: a card's stem that begins the question's, and the other way round", () => {
    const matcher = createMatcher(["перел", "перелом", "сынык", "омбудсмен"]);
    const match = (stem: string) => Object.fromEntries(matcher(stem));
    expect(match("перелом")).toEqual({ перелом: 1, перел: 0.8 });
    expect(match("перелома")).toEqual({ перелом: 0.8, перел: 0.8 });
    expect(match("пере")).toEqual({ перел: 0.8, перелом: 0.8 });
    // Too short to begin another word safely: «сын», son, is not «сынык», a broken bone.
    expect(match("сын")).toEqual({});
    // Misspelled: tried only when nothing matches as typed.
    expect(match("омбуцмен")).toEqual({ омбудсмен: 0.6 });
  });

  it("answers a question with at most 3 cards as buttons, kept from being forwarded", async () => {
    const person = newPerson(redis, "ru");
    await person.send("сколько часов могут держать без суда");
    const reply = person.calls.at(-1)!;
    expect(reply.method).toBe("sendMessage");
    expect(reply.payload.protect_content).toBe(true);
    expect(person.last.text).toBe("Вот что может помочь:");
    const labels = buttonsOf(person.last).map(buttonText);
    expect(labels[0]).toBe("Сколько могут держать без суда");
    expect(labels.length).toBeLessThanOrEqual(MAX_RESULTS + 1);
    expect(labels.at(-1)).toBe("🏠 Главное меню");
    await person.click("Сколько могут держать без суда");
    expect(person.last.text).toMatch(/^<b>Сколько могут держать без суда<\/b>/);
  });

  it("understands a Kyrgyz question and answers in the person's language", async () => {
    const person = newPerson(redis, "ky");
    await person.send("адвокат бербей жатышат");
    expect(buttonsOf(person.last).map(buttonText)[0]).toBe("Адвокат алуу укугу");
  });

  for (const [locale, question, text, buttons] of [
    ["ru", "погода в Бишкеке завтра", "Я не нашёл карточку", ["📚 Ваши права", "📝 Сообщить о пытках", "☎️ Контакты"]],
    ["ky", "бүгүн аба ырайы кандай", "Бул суроого жооп берген карточканы таба алган жокмун", ["📚 Сиздин укуктарыңыз", "📝 Кыйноо тууралуу билдирүү", "☎️ Байланыштар"]],
  ] as const) {
    it(`says so when nothing matches (${locale}) and offers the topics, the form and the contacts, never a random card`, async () => {
      const { user } = createTestBot(redis);
      const person = user({ id: newUserId(), language_code: locale });
      await person.send(question);
      expect(person.last.text.startsWith(text)).toBe(true);
      expect(buttonsOf(person.last).map(buttonText)).toEqual(buttons);
    });
  }

  it("a very long message is searched, not refused", async () => {
    const person = newPerson(redis, "ru");
    await person.send(`меня избили в милиции ${"и ".repeat(2000)}`);
    expect(person.last.text).toBe("Вот что может помочь:");
  });
});

describe("what people in a hurry type", () => {
  it("finds the card about being harmed for a beating going on now, in either language", () => {
    for (const question of ["бьют", "пытают током", "избивают в милиции", "срочно помогите брата бьют сейчас", "уулумду сабап жатышат азыр"]) {
      expect(search.search(question)[0]?.id, question).toBe("harmed");
    }
  });

  it("sends someone looking for the abolished Centre to the card that says where its functions went", () => {
    for (const question of ["национальный центр по предупреждению пыток", "НЦПП"]) {
      expect(search.search(question)[0]?.id, question).toBe("complain-ombudsman");
    }
  });
});

describe("greetings", () => {
  const RU_MENU = ["📚 Ваши права", "📝 Сообщить о пытках", "📂 Мои сообщения", "☎️ Контакты", "📰 Новости организации", "🧹 Очистить чат", "🌐 Сменить язык"];
  const KY_MENU = ["📚 Сиздин укуктарыңыз", "📝 Кыйноо тууралуу билдирүү", "📂 Менин билдирүүлөрүм", "☎️ Байланыштар", "📰 Уюмдун жаңылыктары", "🧹 Чатты тазалоо", "🌐 Тилди өзгөртүү"];

  for (const [locale, text, greeting, menu] of [
    ["ru", "привет", /^Здравствуйте! Напишите, что случилось/, RU_MENU],
    ["ru", "Здравствуйте!", /^Здравствуйте! Напишите, что случилось/, RU_MENU],
    ["ru", "привет, как дела?", /^Здравствуйте! Напишите, что случилось/, RU_MENU],
    ["ru", "ассалому алейкум", /^Здравствуйте! Напишите, что случилось/, RU_MENU],
    ["ky", "салам", /^Саламатсызбы! Эмне болгонун/, KY_MENU],
    ["ky", "Саламатсызбы", /^Саламатсызбы! Эмне болгонун/, KY_MENU],
    ["ky", "салам алейкум 👋", /^Саламатсызбы! Эмне болгонун/, KY_MENU],
    ["ky", "салам кандайсыз", /^Саламатсызбы! Эмне болгонун/, KY_MENU],
  ] as const) {
    it(`«${text}» gets a greeting and the main menu in the person's language (${locale}), not "not found"`, async () => {
      const person = newPerson(redis, locale);
      await person.send(text);
      expect(person.last.text).toMatch(greeting);
      expect(buttonsOf(person.last).map(buttonText)).toEqual(menu);
    });
  }

  it("a greeting with a question in it is a question", async () => {
    const person = newPerson(redis, "ky");
    await person.send("салам, уулумду милиция кармап кетти");
    expect(person.last.text).toBe("Бул жардам бериши мүмкүн:");
  });
});
