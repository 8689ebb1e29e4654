import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, onTestFinished } from "vitest";
import { NARRATIVE_MAX } from "../src/complaints/model.js";
import { createCaseStore } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";
import { createRedis } from "../src/redis.js";
import { TEST_DATA_KEY, TEST_TOKEN, until } from "./harness.js";
import { STAFF_CHAT } from "./report-helpers.js";
import { CASE_CODE, cleanUp, fakeBotApi, freePort, reportWalk, ru, sentTo, spawnTracked, startMain, take } from "./processes.js";

/*
 * Redis stops and starts again under the running bot process. While it is down, what the person writes
 * waits at Telegram: the bot records nothing, so it confirms nothing (no getUpdates offset passes it),
 * answers nothing, and /healthz says 503. Once Redis is back, every update is handled, in order.
 *
 * Five seconds stand for ten minutes: nothing in the design depends on how long Redis is away. Telegram
 * keeps updates for 24 hours and the bot confirms only what it has recorded, so an update waits at
 * Telegram for as long as it takes. The length changes only where the bot waits: for about the first
 * 70 s ioredis holds the journal write in its offline queue (20 reconnect attempts, backing off to 5 s)
 * and the poll loop waits on it; after that ioredis fails the write, and the loop tries again every
 * second without confirming anything, so Telegram hands over the same updates again.
 */

afterEach(cleanUp);

const OUTAGE_MS = 5000;
const STEP_MS = 20_000;

/** A Redis of this test's own, keeping what it holds in an append-only file in `dir`. */
async function startRedis(port: number, dir: string) {
  const run = spawnTracked("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", dir, "--daemonize", "no"]);
  await until(() => run.output().includes("Ready to accept connections"), "Redis to start");
  return run;
}

it("records nothing, confirms nothing and says nothing while Redis is down, then handles every update in order", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ukuk-outage-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const redisPort = await freePort();
  let redisServer = await startRedis(redisPort, dir);
  const api = await fakeBotApi();
  const port = await freePort();
  const bot = startMain({
    BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.root, REDIS_URL: `redis://127.0.0.1:${redisPort}/0`, STAFF_CHAT_ID: String(STAFF_CHAT), PORT: String(port),
  });
  const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
  const person = api.person(4343);
  const parts = ["They beat my brother at the station", "for two hours, three officers,", "and took his phone."];
  const walk = reportWalk(parts.join("\n\n"));
  const narrativeAt = walk.findIndex((step) => step.name === "narrative");
  for (const step of walk.slice(0, narrativeAt)) expect(await take(api, person, step, STEP_MS), step.name).toBeDefined();
  await until(() => api.held() === 0, "the bot to confirm every update so far");

  // SIGTERM, so that Redis writes out its append-only file before it stops.
  redisServer.child.kill("SIGTERM");
  await redisServer.exited;
  const down = Date.now();
  const sent = api.telegram.calls.filter((call) => call.method === "sendMessage").length;
  // The narrative may come in several messages, which a person sends without waiting for answers.
  for (const part of parts) await person.send(part);
  await until(async () => (await health()) === 503, "/healthz to say Redis is gone");
  await until(() => Date.now() - down > OUTAGE_MS, "the outage to last", OUTAGE_MS + 5000);
  expect(await health()).toBe(503);
  expect(api.telegram.calls.filter((call) => call.method === "sendMessage")).toHaveLength(sent);
  expect(api.held()).toBe(parts.length);

  redisServer = await startRedis(redisPort, dir);
  const before = sentTo(api, person.id).length;
  const lengths = parts.map((_, index) => parts.slice(0, index + 1).join("\n\n").length);
  const added = lengths.map((length) => ru("report-narrative-added", { length, max: NARRATIVE_MAX }));
  await until(() => sentTo(api, person.id).length >= before + parts.length, "the answers to what was written during the outage", STEP_MS);
  expect(sentTo(api, person.id).slice(before).map((message) => message.text)).toEqual(added);
  await until(() => api.held() === 0, "the bot to confirm what it has now recorded");
  expect(await health()).toBe(200);

  for (const step of walk.slice(narrativeAt + 1)) expect(await take(api, person, step, STEP_MS), step.name).toBeDefined();
  const code = CASE_CODE.exec(sentTo(api, person.id).at(-1)!.text)![1]!;
  await until(() => sentTo(api, STAFF_CHAT).some((message) => String(message.text).includes(code)), "the staff alert", STEP_MS);
  expect(sentTo(api, person.id).map((message) => message.text)).not.toContain(ru("error-generic"));

  const redis = createRedis(`redis://127.0.0.1:${redisPort}/0`);
  try {
    expect((await createCaseStore(redis, createCipher(TEST_DATA_KEY)).get(code))?.secret?.narrative).toBe(parts.join("\n\n"));
  } finally {
    redis.disconnect();
  }
  // Every line stays a JSON record through the outage: nothing prints a bare error around the logger.
  expect(bot.output().trim().split("\n").filter((line) => !line.startsWith("{"))).toEqual([]);
});
