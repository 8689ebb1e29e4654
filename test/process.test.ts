import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEYS } from "../src/redis.js";
import { startUpdate, TEST_TOKEN, until, useRedis } from "./harness.js";
import { cleanUp, EMPTY_DIR, fakeBotApi, freePort, startMain } from "./processes.js";

const redis = useRedis();

afterEach(async () => {
  await cleanUp();
  // Each test's fake Telegram numbers its updates from the same ids, which the journal and the session
  // would take for resends.
  await redis.flushdb();
});

/** The process must stop with exit code 1, say each of `messages`, and show no stack trace. */
async function expectRefusal(env: Record<string, string>, ...messages: string[]) {
  const run = startMain(env);
  expect((await run.exited).code).toBe(1);
  for (const message of messages) expect(run.output()).toContain(message);
  expect(run.output()).not.toMatch(/\n\s+at /);
}

const START = startUpdate(4242, 77);

describe("the bot process", () => {
  it("without BOT_TOKEN, points to npm run chat and exits 1 without a stack trace", async () => {
    await expectRefusal({}, "BOT_TOKEN is not set", "npm run chat");
  });

  it("with a bad variable, names it and exits 1 without a stack trace", async () => {
    await expectRefusal(
      { BOT_TOKEN: TEST_TOKEN, PORT: "99999", BOT_MODE: "webhook" },
      "WEBHOOK_URL is required in webhook mode",
      "PORT must be a port number from 1 to 65535",
    );
  });

  it("without DATA_KEY, says how to make one and refuses to start", async () => {
    await expectRefusal({ BOT_TOKEN: TEST_TOKEN, DATA_KEY: "" }, "DATA_KEY is required: the key that encrypts complaints at rest", "npm run keygen");
  });

  it("with a broken organisation profile, names the bad field and refuses to start", async () => {
    const profile = join(EMPTY_DIR, "broken-profile.yaml");
    writeFileSync(profile, readFileSync(new URL("../profile.yaml", import.meta.url), "utf8").replace("emergency: []", "emergency:\n  - number: 554-999"));
    await expectRefusal({ BOT_TOKEN: TEST_TOKEN, PROFILE_PATH: profile }, `${profile} has errors:\n  emergency.0.number must be an international phone number`);
  });

  it("when Redis cannot be reached, says how to start one and exits 1", async () => {
    await expectRefusal({ BOT_TOKEN: TEST_TOKEN, REDIS_URL: "redis://127.0.0.1:1" }, "Cannot reach Redis at redis://127.0.0.1:1", "scripts/up start");
  });

  it("polls through TELEGRAM_API_ROOT, and on SIGTERM finishes the update in flight and exits 0 within 10 s", async () => {
    const api = await fakeBotApi({ slowSendMs: 1500, updates: [START] });
    const run = startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.root, PORT: String(await freePort()) });
    await until(() => api.calls.includes("sendMessage"), "the reply to /start to be under way");
    const signalled = Date.now();
    run.child.kill("SIGTERM");
    const { code, at } = await run.exited;

    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect(api.sent).toEqual([expect.stringMatching(/^Здравствуйте!/)]);
    expect(api.calls).toEqual(expect.arrayContaining(["getMe", "setMyCommands", "deleteWebhook", "getUpdates"]));
    expect(run.output()).toContain("shutting down");
  });

  it("keeps a report draft across a restart: a new process with the same Redis continues where the person stopped", async () => {
    const chat = { id: 4242, type: "private", first_name: "U" };
    const from = { id: 4242, is_bot: false, first_name: "U", language_code: "ru" };
    const press = (updateId: number, data: string) => ({
      update_id: updateId,
      callback_query: { id: `q${updateId}`, chat_instance: "c", from, data, message: { message_id: 1, date: 0, chat, text: "…" } },
    });
    await redis.del(`${KEYS.conversation}4242`, `${KEYS.session}4242`);
    const report = { update_id: 101, message: { message_id: 5, date: 0, text: "/report", chat, from, entities: [{ type: "bot_command", offset: 0, length: 7 }] } };
    const first = await fakeBotApi({ updates: [report, press(102, "r:agree")] });
    const before = startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: first.root, PORT: String(await freePort()) });
    await until(() => first.sent.includes("Кто сообщает?"), "the first question");
    before.child.kill("SIGTERM");
    expect((await before.exited).code).toBe(0);

    const second = await fakeBotApi({ updates: [press(103, "r:v:relative")] });
    const after = startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: second.root, PORT: String(await freePort()) });
    await until(() => second.sent.includes("Где это произошло?"), "the next question, from the restarted process");
    after.child.kill("SIGTERM");
    expect((await after.exited).code).toBe(0);
    expect(second.sent).not.toContain("Кто сообщает?");
  });

  it("the terminal chat, run twice with the same DATA_KEY, remembers the person and answers the second run too", async () => {
    const chat = async (input: string) => {
      const run = startMain({ CHAT_LANGUAGE: "ru" }, { args: ["--chat"], input });
      await run.exited;
      return run.output();
    };
    expect(await chat("/help\n")).toContain("Вы можете");
    expect(await chat("/help\n")).toContain("Вы можете");
  });

  it("warns at startup when Redis keeps nothing on disk, and for what the profile lacks", async () => {
    const [, appendonly] = (await redis.config("GET", "appendonly")) as string[];
    const [, save] = (await redis.config("GET", "save")) as string[];
    const persistent = appendonly === "yes" || Boolean(save?.trim());
    const api = await fakeBotApi();
    const run = startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.root, PORT: String(await freePort()) });
    await until(() => run.output().includes("bot started"), "the bot to start");
    expect(run.output().includes("Redis persistence is off")).toBe(!persistent);
    // The shipped profile names no organisation and no emergency number until the operator fills them in.
    expect(run.output()).toContain("the profile is not filled in before going live: organisation");
    expect(run.output()).toContain("the profile is not filled in before going live: emergency");
    expect(run.output()).toContain("STAFF_CHAT_ID is not set");
    run.child.kill("SIGINT");
    expect((await run.exited).code).toBe(0);
  });

  it("in webhook mode sets the webhook, rejects a wrong secret, and on SIGTERM finishes the update in flight", async () => {
    const api = await fakeBotApi({ slowSendMs: 1500 });
    const port = await freePort();
    const secret = "a-secret-of-enough-length";
    const run = startMain({
      BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.root, PORT: String(port), BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram", WEBHOOK_SECRET: secret,
    });
    await until(() => run.output().includes("bot started with a webhook"), "the webhook server to start");
    expect(api.calls).toContain("setWebhook");
    const hook = `http://127.0.0.1:${port}/telegram`;
    const rejected = await fetch(hook, { method: "POST", body: JSON.stringify(START) });
    expect(rejected.status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const accepted = fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body: JSON.stringify(START),
    });
    await until(() => api.calls.includes("sendMessage"), "the reply to be under way");
    run.child.kill("SIGTERM");
    expect((await accepted).status).toBe(200);
    expect((await run.exited).code).toBe(0);
    expect(api.sent).toEqual([expect.stringMatching(/^Здравствуйте!/)]);
  });
});
