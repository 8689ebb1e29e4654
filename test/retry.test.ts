import { describe, expect, it } from "vitest";
import { failFastFetch, isProgrammingError } from "../src/bot/retry.js";
import { FakeTelegram, type Payload } from "../src/telegram/fake-telegram.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";
import { labels, startReport } from "./report-helpers.js";

const redis = useRedis();

const bug = () => new TypeError("Cannot read properties of undefined (reading 'flat')");

describe("a programming error inside a Telegram call", () => {
  it("fails the call once, and the update's failure names the bug, instead of being retried as a network failure", async () => {
    const telegram = new FakeTelegram();
    const isHelp = (payload: Payload) => String(payload.text).startsWith("Вы можете");
    telegram.fault = ({ method, payload }) => {
      if (method === "sendMessage" && isHelp(payload)) throw bug();
      return undefined;
    };
    const { user, logs } = createTestBot(redis, { telegram });
    const person = user({ id: newUserId(), language_code: "ru" });
    await person.send("/help");
    expect(telegram.calls.filter((call) => isHelp(call.payload))).toHaveLength(1);
    const failure = logs.records().find((record) => record.msg === "update failed");
    expect(JSON.stringify(failure)).toContain("the call failed inside this process: Cannot read properties of undefined (reading 'flat')");
    expect(person.last.text).toMatch(/^Извините, что-то пошло не так/);
  });

  it("fails once inside a form too, where the form logs it and goes on waiting", async () => {
    const telegram = new FakeTelegram();
    const test = createTestBot(redis, { telegram });
    const l = labels(test, "ru");
    const question = l("report-ask-reporter");
    telegram.fault = ({ method, payload }) => {
      if (method === "sendMessage" && payload.text === question) throw bug();
      return undefined;
    };
    const person = test.user({ id: newUserId(), language_code: "ru" });
    await startReport(person, l);
    expect(telegram.calls.filter((call) => call.payload.text === question)).toHaveLength(1);
    expect(test.logs.records().some((record) => record.msg === "could not deliver a message of a form" && JSON.stringify(record).includes("reading 'flat'"))).toBe(true);
  });

  it("is told apart from a network failure or a timeout, which are left for auto-retry to try again", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:443"), { code: "ECONNREFUSED" });
    const failures = [
      new TypeError("fetch failed", { cause: refused }),
      new DOMException("This operation was aborted", "AbortError"),
      new Error("Request to 'sendMessage' timed out after 500 seconds"),
    ];
    for (const failure of failures) {
      expect(isProgrammingError(failure)).toBe(false);
      await expect(failFastFetch(() => Promise.reject(failure))("https://api.telegram.org/bot1:x/sendMessage")).rejects.toBe(failure);
    }
    expect(isProgrammingError(bug())).toBe(true);
  });
});
