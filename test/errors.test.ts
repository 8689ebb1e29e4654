import { describe, expect, it } from "vitest";
import { BotError } from "grammy";
import { createRedis, RedisUnavailable } from "../src/redis.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { FakeUser } from "../src/telegram/fake-user.js";
import { createTestBot, failOnce, newUserId, useRedis } from "./harness.js";

const redis = useRedis();

describe("error boundary", () => {
  it("logs the failure with the update id and tells the person, in their language, what to do", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = failOnce("sendMessage", { ok: false, error_code: 400, description: "Bad Request: something broke" });
    const { bot, logs, metrics } = createTestBot(redis, { telegram });
    const updateIds: number[] = [];
    const person = new FakeUser((update) => (updateIds.push(update.update_id), bot.handleUpdate(update)), telegram, {
      id: newUserId(),
      language_code: "ru",
    });
    await person.send("/help");

    expect(person.last.text).toBe("Извините, что-то пошло не так. Попробуйте ещё раз чуть позже или напишите /start.");
    const failure = logs.records().find((record) => record.msg === "update failed");
    expect(failure).toMatchObject({ level: 50, update_id: updateIds[0] });
    expect(JSON.stringify(failure)).toContain("something broke");
    expect((await metrics.registry.getSingleMetricAsString("ukuk_update_errors_total"))).toMatch(/ukuk_update_errors_total 1$/m);
  });

  it("keeps the text the bot tried to send out of the log", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = ({ method, payload }) =>
      method === "sendMessage" && payload.text.startsWith("Вы можете")
        ? { ok: false, error_code: 400, description: "Bad Request: message is too long" }
        : undefined;
    const { user, logs } = createTestBot(redis, { telegram });
    await user({ id: newUserId(), language_code: "ru" }).send("/help");
    expect(logs.lines.join("\n")).not.toContain("Вы можете");
  });

  it("when Redis cannot be reached, tells nobody that something went wrong and hands the failure back, so the recorded update is handled later", async () => {
    const broken = createRedis("redis://127.0.0.1:1/1", { enableOfflineQueue: false, retryStrategy: () => null });
    const { user, logs, telegram } = createTestBot(broken);
    const person = user({ id: newUserId(), language_code: "ru" });
    const failure = await person.send("/start").catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BotError);
    expect((failure as BotError).error).toBeInstanceOf(RedisUnavailable);
    expect(telegram.calls.filter((call) => call.method === "sendMessage")).toEqual([]);
    expect(logs.records().some((record) => record.msg === "update failed")).toBe(false);
    broken.disconnect();
  });

  it("stops the button spinner when a button's handler fails", async () => {
    const telegram = new FakeTelegram();
    let answered = 0;
    telegram.fault = ({ method }) => {
      if (method === "editMessageText") return { ok: false, error_code: 400, description: "Bad Request: message to edit not found" };
      if (method === "answerCallbackQuery" && answered++ > 0) return { ok: false, error_code: 400, description: "Bad Request: query is too old" };
      return undefined;
    };
    const { user } = createTestBot(redis, { telegram });
    const person = user({ id: newUserId(), language_code: "ky" });
    await person.send("/language");
    await person.click("Русский");
    const methods = person.calls.map((call) => call.method);
    expect(methods.filter((method) => method === "answerCallbackQuery").length).toBeGreaterThanOrEqual(1);
    expect(person.last.text).toBe("Извините, что-то пошло не так. Попробуйте ещё раз чуть позже или напишите /start.");
  });
});

describe("Telegram flood waits", () => {
  const flood = { ok: false as const, error_code: 429, description: "Too Many Requests: retry after 30", parameters: { retry_after: 30 } };

  it("in webhook mode are not waited out past the cap: the person is told to try again", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = failOnce("sendMessage", flood);
    const { user } = createTestBot(redis, {
      telegram,
      env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "a-secret-of-enough-length" },
    });
    const person = user({ id: newUserId(), language_code: "ru" });
    const started = Date.now();
    await person.send("/help");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(person.last.text).toMatch(/^Извините, что-то пошло не так/);
  });

  it("are retried after retry_after when the wait is short", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = failOnce("sendMessage", { ...flood, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const person = createTestBot(redis, { telegram }).user({ id: newUserId(), language_code: "ru" });
    await person.send("/help");
    expect(person.calls.filter((call) => call.method === "sendMessage")).toHaveLength(2);
    expect(person.last.text).toMatch(/^Вы можете использовать эти команды/);
  });
});
