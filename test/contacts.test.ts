import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProfile, parseProfile, profileGaps, ProfileError } from "../src/profile.js";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";

const redis = useRedis();

const TEST_PROFILE = `
organisation:
  name: { ky: "Тест <Борбор> & Ко", ru: "Тест <Центр> & Ко" }
  description: { ky: Сыноо үчүн уюм., ru: Организация для проверки. }
hotlines:
  - number: +996 (312) 00-00-01
    hours: { ky: күнү-түнү, ru: круглосуточно }
  - number: "+996555000002"
    label: { ky: Юрист, ru: Юрист }
website: https://example.org
email: help@example.org
address: { ky: Бишкек ш., ru: г. Бишкек }
officialBot: "@example_official_bot"
channels:
  - name: { ky: Сайттагы жаңылыктар, ru: Новости на сайте }
    url: https://example.org/news
referrals:
  - name: { ky: Биринчи уюм, ru: Первая организация }
    helpsWith: { ky: Юридикалык жардам, ru: Юридическая помощь }
    phones: [{ number: "+996700000003" }]
    websites: [https://first.example.org]
    telegram: "@first_help"
`;

function profileFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "ukuk-profile-")), "profile.yaml");
  writeFileSync(path, content);
  return path;
}

describe("organisation profile", () => {
  it("the shipped profile.yaml is valid, names no abolished body and offers no unverified number", () => {
    const profile = loadProfile();
    // The NCPT was abolished on 3 October 2025; who answers its hotline and runs npm.kg since is unverified.
    expect(profile.organisation).toBeUndefined();
    expect(profile.emergency).toEqual([]);
    expect(profile.hotlines).toEqual([]);
    expect(profile.website).toBeUndefined();
    expect(profile.email).toBeUndefined();
    expect(profile.address).toBeUndefined();
    expect(profile.officialBot).toBeUndefined();
    // An NGO is listed only once checked (domain.md §4), so none by default.
    expect(profile.referrals.map((referral) => referral.websites[0])).toEqual(["https://ombudsman.kg", "https://prokuror.kg", "https://ukuk-jardam.gov.kg"]);
    expect(profileGaps(profile)).toHaveLength(2);
    expect(profileGaps(parseProfile(TEST_PROFILE.replace("hotlines:", "emergency:\n  - number: +996 555 000 009\nhotlines:"), "p"))).toEqual([]);
  });

  const invalid: Record<string, [string, RegExp]> = {
    "a phone number that is not international": [
      TEST_PROFILE.replace("+996 (312) 00-00-01", "0312 000001"),
      /hotlines\.0\.number must be an international phone number like \+996 554 999 222/,
    ],
    "a missing translation": [TEST_PROFILE.replace("ru: Организация для проверки. ", ""), /organisation\.description\.ru must be text/],
    "an empty text": [TEST_PROFILE.replace('ru: "Тест <Центр> & Ко"', 'ru: "  "'), /organisation\.name\.ru must not be empty/],
    "a misspelt field": [TEST_PROFILE.replace("website: https://example.org\n", "webiste: https://example.org\n"), /webiste/],
    "a bad web address": [TEST_PROFILE.replace("url: https://example.org/news", "url: example.org/news"), /channels\.0\.url must be a web address/],
    "a bad Telegram username": [TEST_PROFILE.replace('"@example_official_bot"', "example bot"), /officialBot must be a Telegram username/],
    "a referral nobody can reach": [
      TEST_PROFILE.replace(/    phones:[^\n]*\n    websites:[^\n]*\n    telegram:[^\n]*\n/, ""),
      /referrals\.0 needs at least one way to reach it/,
    ],
    "no organisation name": [TEST_PROFILE.replace(/  name: \{ ky: "Тест[^\n]*\n/, ""), /organisation\.name must have a ky and a ru text/],
    "broken YAML": ["organisation: [", /is not valid YAML/],
  };

  for (const [name, [content, message]] of Object.entries(invalid)) {
    it(`refuses ${name}, naming the field`, () => {
      expect(() => parseProfile(content, "profile.yaml")).toThrow(ProfileError);
      expect(() => parseProfile(content, "profile.yaml")).toThrow(message);
    });
  }

  it("says which file it could not read", () => {
    expect(() => loadProfile("/nonexistent/profile.yaml")).toThrow(/Cannot read the organisation profile at \/nonexistent\/profile\.yaml/);
  });
});

describe("/contacts and /official", () => {
  const bot = () => createTestBot(redis, { profile: loadProfile(profileFile(TEST_PROFILE)) });

  it("/contacts shows the profile in the person's language, escaped, with tappable numbers", async () => {
    const person = bot().user({ id: newUserId(), language_code: "ru" });
    await person.send("/contacts");
    expect(person.last.text).toBe(
      [
        "<b>Тест &lt;Центр&gt; &amp; Ко</b>\nОрганизация для проверки.",
        [
          "☎️ Горячая линия: +996312000001 (круглосуточно)",
          "☎️ Юрист: +996555000002",
          "🌐 Сайт: https://example.org",
          "✉️ Эл. почта: help@example.org",
          "📍 Адрес: г. Бишкек",
          "🤖 Официальный бот: @example_official_bot",
          "🔗 Новости на сайте: https://example.org/news",
        ].join("\n"),
        "<b>Другие организации, которые могут помочь</b>\n• <b>Первая организация</b> — Юридическая помощь\n   ☎️ +996700000003\n   🌐 https://first.example.org\n   ✈️ @first_help",
      ].join("\n\n"),
    );
    expect(buttonsOf(person.last).map(buttonText)).toEqual(["🛡 Официальные каналы", "🏠 Главное меню"]);
  });

  it("the menu entry shows the same in Kyrgyz, in place of the menu", async () => {
    const person = bot().user({ id: newUserId(), language_code: "ky" });
    await person.send("/start");
    await person.click("☎️ Байланыштар");
    expect(person.messages).toHaveLength(1);
    expect(person.last.text).toContain("<b>Тест &lt;Борбор&gt; &amp; Ко</b>\nСыноо үчүн уюм.");
    expect(person.last.text).toContain("☎️ Ишеним телефону: +996312000001 (күнү-түнү)");
    expect(person.last.text).toContain("<b>Жардам бере турган башка уюмдар</b>\n• <b>Биринчи уюм</b> — Юридикалык жардам");
  });

  it("/official shows the official username and channels and warns about look-alike bots", async () => {
    const person = bot().user({ id: newUserId(), language_code: "ru" });
    await person.send("/official");
    expect(person.last.text).toMatch(/^<b>Официальные каналы: Тест &lt;Центр&gt; &amp; Ко<\/b>/);
    expect(person.last.text).toContain("🤖 Официальный бот: @example_official_bot");
    expect(person.last.text).toContain("⚠️ Существуют поддельные боты");
    expect(person.last.text).not.toContain("Первая организация");
  });

  it("leaves out what the profile does not have, and says so when it names no organisation", async () => {
    const person = createTestBot(redis).user({ id: newUserId(), language_code: "ru" });
    await person.send("/contacts");
    expect(person.last.text.startsWith("Этот бот ещё не назвал организацию")).toBe(true);
    expect(person.last.text).toContain("<b>Другие организации, которые могут помочь</b>");
    expect(person.last.text).not.toMatch(/Горячая линия|Сайт:|Эл\. почта|Адрес|Официальный бот/);
    await person.send("/official");
    expect(person.last.text).toMatch(/^<b>Официальные каналы<\/b>/);
  });
});
