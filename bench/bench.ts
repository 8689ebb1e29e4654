/**
 * npm run bench — pushes a mixed stream of updates (/start, menu presses, free text, /help) through the
 * full bot and through a bare grammY bot with the same Redis sessions, in one process, and compares them.
 * A third bot, as bare but answering with the full bot's replies as fixed texts, shows how much of the
 * difference is the replies themselves. Uses Redis database 15 of REDIS_URL, which it flushes.
 */
import { Bot, InlineKeyboard, session, type Context } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { createBot } from "../src/bot/index.js";
import { createI18n } from "../src/bot/i18n.js";
import { homeButton, languageKeyboard, mainMenu } from "../src/bot/keyboards.js";
import { sensitive } from "../src/bot/protect.js";
import { topicButton } from "../src/bot/rights-view.js";
import { HTML, languagePromptText } from "../src/bot/screens.js";
import { LOCALES, parseConfig } from "../src/config.js";
import { TOPICS } from "../src/rights/topics.js";
import { createLogger } from "../src/logger.js";
import { createCipher, newDataKey } from "../src/crypto.js";
import { createMetrics } from "../src/metrics.js";
import { loadProfile } from "../src/profile.js";
import { createRedis, type Redis } from "../src/redis.js";
import { FAKE_BOT_INFO, FakeTelegram } from "../src/telegram/fake-telegram.js";
import { FakeUser, type UpdateHandler } from "../src/telegram/fake-user.js";
import { loadEvalCases } from "../test/search-eval.js";
import { durableHandler } from "./durable.js";

const USERS = 200;
const CONCURRENCY = 8;
const WARMUP = 400;
const UPDATES = 4000;
const ROUNDS = 5;
const TOKEN = "123456:BENCH-token-not-used-for-network";

const redisUrl = `${(process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/15`;

const i18n = createI18n("ky", () => {
  throw new Error("missing translation");
});

// As it runs in production: every update through the journal, and the rate limit on (set high enough for
// the bench's people, who each send an update every few milliseconds).
function fullBot(redis: Redis, telegram: FakeTelegram): UpdateHandler {
  const config = parseConfig({ BOT_TOKEN: TOKEN, REDIS_URL: redisUrl, DATA_KEY: newDataKey(), RATE_LIMIT_UPDATES: "100000" });
  const logger = createLogger({ level: "warn" });
  const bot = createBot(config, { redis, logger, metrics: createMetrics(), i18n, profile: loadProfile(), botInfo: FAKE_BOT_INFO, fetch: telegram.fetch });
  return durableHandler(bot, redis, createCipher(config.dataKey), logger);
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

// Answers each update with what the full bot sends for it, in the person's Telegram language: the
// greeting or the help with the main menu, a search answer with three cards, the language prompt for a
// button. Fixed texts, with no language negotiation, search, forms or other plugins.
function sameSizeBot(redis: Redis, telegram: FakeTelegram): UpdateHandler {
  const bot = new Bot<Context & { session: { n: number } }>(TOKEN, { botInfo: FAKE_BOT_INFO, client: { fetch: telegram.fetch } });
  const replies = Object.fromEntries(
    LOCALES.map((locale) => {
      const t = ((key: string) => i18n.t(locale, key)) as TranslateFunction;
      const cards = new InlineKeyboard([...TOPICS.slice(0, 3).map((topic) => [topicButton(t, topic)]), [homeButton(t)]]);
      return [locale, {
        start: { text: t("start-greeting"), other: { ...HTML, reply_markup: mainMenu(t) } },
        help: { text: t("help-text"), other: { reply_markup: mainMenu(t) } },
        text: { text: t("search-found"), other: sensitive({ reply_markup: cards }) },
        button: { text: languagePromptText((each, key) => i18n.t(each, key)), other: { reply_markup: languageKeyboard(t) } },
      }];
    }),
  );
  const repliesFor = (ctx: Context) => replies[ctx.from?.language_code === "ru" ? "ru" : "ky"]!;
  bot.use(session({ initial: () => ({ n: 0 }), prefix: "same:", storage: new RedisAdapter({ instance: redis, ttl: 3600 }) }));
  bot.on("message:text", (ctx) => {
    ctx.session.n++;
    const text = ctx.msg.text;
    const { text: reply, other } = repliesFor(ctx)[text === "/start" ? "start" : text === "/help" ? "help" : "text"];
    return ctx.reply(reply, other);
  });
  bot.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, other } = repliesFor(ctx).button;
    await ctx.reply(text, other);
  });
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

async function measure(build: (redis: Redis, telegram: FakeTelegram) => UpdateHandler, redis: Redis) {
  const telegram = new FakeTelegram();
  const handle = build(redis, telegram);
  await drive(handle, telegram, WARMUP);
  const before = telegram.calls.length;
  const latencies: number[] = [];
  const started = performance.now();
  await drive(handle, telegram, UPDATES, latencies);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  // What the bot asked of Telegram, counted after the clock stopped.
  const calls = telegram.calls.slice(before);
  const bytes = calls.reduce((sum, call) => sum + Buffer.byteLength(JSON.stringify(call.payload)), 0);
  return {
    updatesPerSec: UPDATES / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    callsPerUpdate: calls.length / UPDATES,
    bytesPerUpdate: bytes / UPDATES,
  };
}

type Result = Awaited<ReturnType<typeof measure>>;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bots = { baseline: baselineBot, sameSize: sameSizeBot, ours: fullBot };
const redis = createRedis(redisUrl);
await redis.flushdb();
const runs = { baseline: [] as Result[], sameSize: [] as Result[], ours: [] as Result[] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, build] of Object.entries(bots)) runs[name as keyof typeof bots].push(await measure(build, redis));
}
await redis.flushdb();
await redis.quit();

const summary = (results: Result[]) => ({
  updatesPerSec: median(results.map((r) => r.updatesPerSec)),
  p50: median(results.map((r) => r.p50)),
  p99: median(results.map((r) => r.p99)),
  callsPerUpdate: median(results.map((r) => r.callsPerUpdate)),
  bytesPerUpdate: median(results.map((r) => r.bytesPerUpdate)),
});
const ours = summary(runs.ours);
const baseline = summary(runs.baseline);
const sameSize = summary(runs.sameSize);
const line = (name: string, s: typeof ours) =>
  `${name.padEnd(14)} ${s.updatesPerSec.toFixed(0).padStart(7)} updates/s   p50 ${s.p50.toFixed(2)} ms   p99 ${s.p99.toFixed(2)} ms` +
  `   ${s.callsPerUpdate.toFixed(2)} API calls, ${s.bytesPerUpdate.toFixed(0)} bytes sent per update`;
// Round by round, since the three bots of a round ran within a second or two of each other on a machine
// whose speed drifts: the median of the rounds' ratios, not the ratio of the medians.
const ratio = (of: Result[], to: Result[] = runs.ours) => median(to.map((result, round) => result.updatesPerSec / of[round]!.updatesPerSec));

process.stdout.write(
  `${UPDATES} updates from ${USERS} people, ${CONCURRENCY} at a time, real Redis sessions; median of ${ROUNDS} rounds\n` +
    `${line("baseline", baseline)}\n${line("same-size", sameSize)}\n${line("ukuk-bot", ours)}\n` +
    `ratio (ukuk-bot / baseline throughput): ${ratio(runs.baseline).toFixed(2)}\n` +
    `for comparison: same-size / baseline ${ratio(runs.baseline, runs.sameSize).toFixed(2)}, ukuk-bot / same-size ${ratio(runs.sameSize).toFixed(2)}\n` +
    `${JSON.stringify({
      updatesPerSec: Math.round(ours.updatesPerSec),
      baselineUpdatesPerSec: Math.round(baseline.updatesPerSec),
      ratio: Number(ratio(runs.baseline).toFixed(3)),
      sameSizeRatio: Number(ratio(runs.sameSize).toFixed(3)),
      p99Ms: Number(ours.p99.toFixed(2)),
    })}\n`,
);
