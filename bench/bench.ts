/**
 * npm run bench — pushes a mixed stream of updates (/start, menu presses, free text, /help) through the
 * full bot and through a bare grammY bot with the same Redis sessions, in one process, and compares them.
 * Uses Redis database 15 of REDIS_URL, which it flushes.
 */
import { Bot, session, type Context } from "grammy";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { createBot } from "../src/bot/index.js";
import { createI18n } from "../src/bot/i18n.js";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { newDataKey } from "../src/crypto.js";
import { createMetrics } from "../src/metrics.js";
import { loadProfile } from "../src/profile.js";
import { createRedis, type Redis } from "../src/redis.js";
import { FAKE_BOT_INFO, FakeTelegram } from "../src/telegram/fake-telegram.js";
import { FakeUser, type UpdateHandler } from "../src/telegram/fake-user.js";
import { loadEvalCases } from "../test/search-eval.js";

const USERS = 200;
const CONCURRENCY = 8;
const WARMUP = 400;
const UPDATES = 4000;
const ROUNDS = 3;
const TOKEN = "123456:BENCH-token-not-used-for-network";

const redisUrl = `${(process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/15`;

function fullBot(redis: Redis, telegram: FakeTelegram): UpdateHandler {
  const config = parseConfig({ BOT_TOKEN: TOKEN, REDIS_URL: redisUrl, DATA_KEY: newDataKey() });
  const logger = createLogger({ level: "warn" });
  const i18n = createI18n(config.defaultLocale, () => {
    throw new Error("missing translation");
  });
  const bot = createBot(config, { redis, logger, metrics: createMetrics(), i18n, profile: loadProfile(), botInfo: FAKE_BOT_INFO, fetch: telegram.fetch });
  return (update) => bot.handleUpdate(update);
}

function baselineBot(redis: Redis, telegram: FakeTelegram): UpdateHandler {
  const bot = new Bot<Context & { session: { n: number } }>(TOKEN, { botInfo: FAKE_BOT_INFO, client: { fetch: telegram.fetch } });
  bot.use(session({ initial: () => ({ n: 0 }), prefix: "baseline:", storage: new RedisAdapter({ instance: redis, ttl: 3600 }) }));
  bot.on("message", (ctx) => {
    ctx.session.n++;
    return ctx.reply("ok");
  });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  return (update) => bot.handleUpdate(update);
}

// Free text is the questions of the search evaluation set, in both languages, as people would type them.
const QUESTIONS = loadEvalCases().map((c) => c.q);

// Each person cycles through what people do most: open the bot, press the menu, type something, ask for help.
function step(user: FakeUser, n: number): Promise<void> {
  switch (n % 4) {
    case 0:
      return user.send("/start");
    case 1:
      return user.pressData({ message_id: 1, text: "menu" }, "language");
    case 2:
      return user.send(QUESTIONS[(user.id + n) % QUESTIONS.length]!);
    default:
      return user.send("/help");
  }
}

async function drive(handle: UpdateHandler, telegram: FakeTelegram, count: number, latencies?: number[]) {
  const timed: UpdateHandler = async (update) => {
    const started = performance.now();
    await handle(update);
    latencies?.push(performance.now() - started);
  };
  const users = Array.from({ length: USERS }, (_, i) => new FakeUser(timed, telegram, { id: 900_000 + i, language_code: i % 2 ? "ru" : "ky" }));
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      await step(users[n % USERS]!, Math.floor(n / USERS));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(name: string, build: (redis: Redis, telegram: FakeTelegram) => UpdateHandler, redis: Redis) {
  const telegram = new FakeTelegram();
  const handle = build(redis, telegram);
  await drive(handle, telegram, WARMUP);
  const latencies: number[] = [];
  const started = performance.now();
  await drive(handle, telegram, UPDATES, latencies);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, updatesPerSec: UPDATES / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const redis = createRedis(redisUrl);
await redis.flushdb();
const runs = { ours: [] as Awaited<ReturnType<typeof measure>>[], baseline: [] as Awaited<ReturnType<typeof measure>>[] };
for (let round = 0; round < ROUNDS; round++) {
  runs.baseline.push(await measure("baseline", baselineBot, redis));
  runs.ours.push(await measure("ukuk-bot", fullBot, redis));
}
await redis.flushdb();
await redis.quit();

const summary = (results: Awaited<ReturnType<typeof measure>>[]) => ({
  updatesPerSec: median(results.map((r) => r.updatesPerSec)),
  p50: median(results.map((r) => r.p50)),
  p99: median(results.map((r) => r.p99)),
});
const ours = summary(runs.ours);
const baseline = summary(runs.baseline);
const line = (name: string, s: typeof ours) =>
  `${name.padEnd(10)} ${s.updatesPerSec.toFixed(0).padStart(7)} updates/s   p50 ${s.p50.toFixed(2)} ms   p99 ${s.p99.toFixed(2)} ms`;

process.stdout.write(
  `${UPDATES} updates from ${USERS} people, ${CONCURRENCY} at a time, real Redis sessions; median of ${ROUNDS} rounds\n` +
    `${line("baseline", baseline)}\n${line("ukuk-bot", ours)}\n` +
    `ratio (ukuk-bot / baseline throughput): ${(ours.updatesPerSec / baseline.updatesPerSec).toFixed(2)}\n` +
    `${JSON.stringify({
      updatesPerSec: Math.round(ours.updatesPerSec),
      baselineUpdatesPerSec: Math.round(baseline.updatesPerSec),
      ratio: Number((ours.updatesPerSec / baseline.updatesPerSec).toFixed(3)),
      p99Ms: Number(ours.p99.toFixed(2)),
    })}\n`,
);
