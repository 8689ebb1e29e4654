import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../src/config.js";
import { loadProfile } from "../src/profile.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { labels } from "./report-helpers.js";

const redis = useRedis();

/** The shipped profile with a hotline, a website and a channel, and, if given, an official username. */
function profileWith(officialBot?: string) {
  const path = join(mkdtempSync(join(tmpdir(), "ukuk-profile-")), "profile.yaml");
  const shipped = loadProfile();
  const channels = [{ name: { ky: "Сайт", ru: "Сайт" }, url: "https://example.org/news" }];
  writeFileSync(path, JSON.stringify({ ...shipped, hotlines: [{ number: "+996554999222" }], website: "https://example.org", channels, officialBot }));
  return loadProfile(path);
}

describe("/official", () => {
  for (const locale of LOCALES) {
    it(`without an official username shows the channels it has and asks no one to compare a name it does not show (${locale})`, async () => {
      const bot = createTestBot(redis, { profile: profileWith() });
      const l = labels(bot, locale);
      const person = bot.user({ id: newUserId(), language_code: locale });
      await person.send("/official");
      expect(person.last.text).toContain("+996554999222");
      expect(person.last.text).toContain("https://example.org/news");
      expect(person.last.text.endsWith(l("official-warning-no-bot"))).toBe(true);
      expect(person.last.text).not.toContain(l("official-warning"));
      expect(person.last.text).not.toMatch(/буква за буквой|тамгама-тамга/);
    });
  }

  it("with one, shows it and tells people to compare it letter by letter", async () => {
    const bot = createTestBot(redis, { profile: profileWith("@ukuk_official_bot") });
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/official");
    expect(person.last.text).toContain("🤖 Официальный бот: @ukuk_official_bot");
    expect(person.last.text).toContain("Сверяйте имя бота буква за буквой");
  });

  it("with no channel at all, says there is nothing to compare with instead of pointing to channels above", async () => {
    const bot = createTestBot(redis);
    const l = labels(bot, "ru");
    const person = bot.user({ id: newUserId(), language_code: "ru" });
    await person.send("/official");
    expect(person.last.text).toBe(`<b>Официальные каналы</b>\n\n${l("official-none")}`);
  });
});
