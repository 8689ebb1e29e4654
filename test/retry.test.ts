import { HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { failOnBugs } from "../src/bot/retry.js";
import { FakeTelegram, type Payload } from "../src/telegram/fake-telegram.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";

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
    expect(JSON.stringify(failure)).toContain("Call to 'sendMessage' failed: Cannot read properties of undefined (reading 'flat')");
    expect(person.last.text).toMatch(/^Извините, что-то пошло не так/);
  });

  it("is told apart from a network failure or a timeout, which are left for auto-retry to try again", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:443"), { code: "ECONNREFUSED" });
    const failures = [
      new TypeError("fetch failed", { cause: refused }),
      new DOMException("This operation was aborted", "AbortError"),
      new Error("Request to 'sendMessage' timed out after 500 seconds"),
    ];
    for (const failure of failures) {
      const network = new HttpError("Network request for 'sendMessage' failed!", failure);
      await expect(failOnBugs(() => Promise.reject(network), "sendMessage", { chat_id: 1, text: "hi" })).rejects.toBe(network);
    }
  });
});
