import { describe, expect, it } from "vitest";
import { KEYS } from "../src/redis.js";
import { createTestBot, newUserId, personKey, until, useRedis } from "./harness.js";
import { labels, startReport } from "./report-helpers.js";

const redis = useRedis();

describe("the per-person rate limit", () => {
  it("drops a flood past the limit, says so once in the person's language, and leaves everyone else alone", async () => {
    const test = createTestBot(redis, { env: { RATE_LIMIT_UPDATES: "5", RATE_LIMIT_SECONDS: "60" } });
    for (const locale of ["ky", "ru"] as const) {
      const l = labels(test, locale);
      const flooder = test.user({ id: newUserId(), language_code: locale });
      for (let i = 0; i < 12; i++) await flooder.send(`/help`);
      const texts = flooder.messages.map((message) => message.text);
      expect(texts.filter((text) => text === l("help-text"))).toHaveLength(5);
      expect(texts.filter((text) => text === l("rate-limited"))).toHaveLength(1);
      expect(texts).toHaveLength(6);
    }
    const other = test.user({ id: newUserId(), language_code: "ru" });
    await other.send("/help");
    expect(other.last.text).toBe(labels(test, "ru")("help-text"));
    // Counted under the keyed pseudonym: no Telegram id in the key.
    const keys = await redis.keys(`${KEYS.rateLimit}*`);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.some((key) => key.includes(String(other.id)))).toBe(false);
  });

  it("keeps every message past the limit in the chat's trail, so «Clear this chat» deletes them too", async () => {
    const test = createTestBot(redis, { env: { RATE_LIMIT_UPDATES: "3", RATE_LIMIT_SECONDS: "60" } });
    const person = test.user({ id: newUserId(), language_code: "ru" });
    for (let i = 0; i < 8; i++) await person.send(`часть ${i} моего рассказа`);
    const sent = test.telegram.calls.filter((call) => call.method === "sendMessage" && call.payload.chat_id === person.id).length;
    expect(sent).toBe(4); // three answers and the notice
    // The last update's ids are written just after it ends.
    await until(async () => (await redis.zcard(KEYS.trail + personKey(person.id))) === 8 + sent, "all 8 messages and 4 answers in the trail");
  });

  it("tells someone whose language it does not know yet in both languages", async () => {
    const test = createTestBot(redis, { env: { RATE_LIMIT_UPDATES: "3", RATE_LIMIT_SECONDS: "60" } });
    const person = test.user({ id: newUserId(), language_code: "en" });
    for (let i = 0; i < 6; i++) await person.send("/help");
    const both = `${labels(test, "ky")("rate-limited")}\n\n${labels(test, "ru")("rate-limited")}`;
    expect(person.messages.filter((message) => message.text === both)).toHaveLength(1);
  });

  it("keeps a flood out of an open form: the form still takes the next answer after the window", async () => {
    const test = createTestBot(redis, { env: { RATE_LIMIT_UPDATES: "4", RATE_LIMIT_SECONDS: "1" } });
    const l = labels(test, "ru");
    const person = test.user({ id: newUserId(), language_code: "ru" });
    await startReport(person, l);
    for (let i = 0; i < 30; i++) await person.send(`flood ${i}`);
    expect(person.messages.filter((message) => message.text === l("rate-limited"))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await person.click(l("report-reporter-victim"));
    expect(person.last.text).toBe(l("report-ask-place"));
  });

  it("starts the window in the same write as the count: a process dying between them cannot lock a person out", async () => {
    // As if the process died right after the count: a separate call to start the window never arrives.
    const dying = new Proxy(redis, {
      get(target, name) {
        if (name === "pexpire") return () => new Promise(() => {});
        const value = Reflect.get(target, name, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const test = createTestBot(dying, { env: { RATE_LIMIT_UPDATES: "5", RATE_LIMIT_SECONDS: "60" } });
    const person = test.user({ id: newUserId(), language_code: "ru" });
    await Promise.race([person.send("/help"), new Promise((resolve) => setTimeout(resolve, 2000))]);
    const counters = await redis.keys(`${KEYS.rateLimit}*`);
    const windows = await Promise.all(counters.map((key) => redis.pttl(key)));
    expect(windows.length).toBeGreaterThan(0);
    for (const left of windows) expect(left).toBeGreaterThan(0);
    expect(person.last.text).toBe(labels(test, "ru")("help-text"));
  });
});
