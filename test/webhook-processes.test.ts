import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { createCaseStore } from "../src/complaints/store.js";
import { NARRATIVE_MAX } from "../src/complaints/model.js";
import { createCipher } from "../src/crypto.js";
import { DAILY_QUEUE } from "../src/jobs/daily.js";
import { createRedis, KEYS } from "../src/redis.js";
import { FakeUser } from "../src/telegram/fake-user.js";
import { TEST_DATA_KEY, TEST_TOKEN, testRedisUrl, until, useRedis } from "./harness.js";
import { CASE_CODE, cleanUp, fakeBotApi, freePort, reportWalk, ru, sentTo, startMain, take } from "./processes.js";

const redis = useRedis();
afterAll(cleanUp);

const SECRET = "a-secret-of-enough-length";
const PROCESSES = 3;
const STEP_MS = 20_000;

describe("three bot processes in webhook mode behind one address", () => {
  it("handle each person's updates one at a time and in order, whichever process gets which, and schedule the daily run once", async () => {
    await redis.flushdb();
    // Every message the bot sends takes a while, so one person's next update arrives while the last is still handled.
    const api = await fakeBotApi({ slowSendMs: 40 });
    const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
    const runs = ports.map((port) =>
      startMain({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.root, PORT: String(port), BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: SECRET }),
    );
    await until(() => runs.every((run) => run.output().includes("bot started with a webhook")), "the three processes to start", STEP_MS);

    // As Telegram does: each update goes to any process, and the next one only once this one is recorded (200).
    let posted = 0;
    const post = async (update: Update) => {
      const port = ports[Math.floor(Math.random() * PROCESSES)]!;
      posted++;
      const response = await fetch(`http://127.0.0.1:${port}/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      expect(response.status).toBe(200);
    };
    const parts = ["They beat my brother at the station", "for two hours, three officers,", "then took his phone", "and did not let him call a lawyer.", "He was released the next morning."];
    const walk = reportWalk(parts.join("\n\n"));
    const narrativeAt = walk.findIndex((step) => step.name === "narrative");

    const people = [5101, 5102, 5103].map((id) => new FakeUser(post, api.telegram, { id, language_code: "ru" }));
    const codes = await Promise.all(people.map(async (person) => {
      for (const step of walk.slice(0, narrativeAt)) expect(await take(api, person, step, STEP_MS), step.name).toBeDefined();
      // Written in several messages without waiting for answers: they land on different processes at once.
      const before = sentTo(api, person.id).length;
      for (const part of parts) await person.send(part);
      const lengths = parts.map((_, index) => parts.slice(0, index + 1).join("\n\n").length);
      await until(() => sentTo(api, person.id).length >= before + parts.length, "the answers to the narrative's parts", STEP_MS);
      expect(sentTo(api, person.id).slice(before).map((message) => message.text)).toEqual(lengths.map((length) => ru("report-narrative-added", { length, max: NARRATIVE_MAX })));
      for (const step of walk.slice(narrativeAt + 1)) expect(await take(api, person, step, STEP_MS), step.name).toBeDefined();
      return CASE_CODE.exec(sentTo(api, person.id).at(-1)!.text)![1]!;
    }));

    const cases = createCaseStore(redis, createCipher(TEST_DATA_KEY));
    for (const code of codes) expect((await cases.get(code))?.secret?.narrative).toBe(parts.join("\n\n"));
    for (const person of people) {
      const texts = sentTo(api, person.id).map((message) => String(message.text));
      expect(texts.filter((text) => CASE_CODE.test(text))).toHaveLength(1);
      expect(texts.filter((text) => text.startsWith(ru("report-hint-button").slice(0, 12)) || text === ru("error-generic"))).toEqual([]);
    }
    await until(async () => (await redis.hlen(KEYS.updatesPending)) === 0, "every update to be handled");
    expect(Number(await redis.zcard(KEYS.updatesSeen))).toBe(posted);

    const connection = createRedis(testRedisUrl(), { maxRetriesPerRequest: null });
    const daily = new Queue(DAILY_QUEUE, { connection });
    try {
      expect(await daily.getJobSchedulers()).toHaveLength(1);
    } finally {
      await daily.close();
      connection.disconnect();
    }
  }, 120_000);
});
