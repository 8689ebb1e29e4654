import { Writable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import { createBot, createBroadcastApi } from "../src/bot/index.js";
import { createI18n } from "../src/bot/i18n.js";
import { parseConfig, type Config } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createMetrics } from "../src/metrics.js";
import { loadProfile, type Profile } from "../src/profile.js";
import { createRedis, type Redis } from "../src/redis.js";
import type { Update } from "grammy/types";
import type { Logger } from "../src/logger.js";
import { ACROSS_PROCESSES, durableUpdates as startDurableUpdates } from "../src/updates/dispatcher.js";
import { createRoleStore } from "../src/roles.js";
import { createCaseStore } from "../src/complaints/store.js";
import { createCipher } from "../src/crypto.js";
import { startBackground, type Background } from "../src/jobs/background.js";
import { FAKE_BOT_INFO, FakeTelegram, type ApiFailure, type FaultInjector } from "../src/telegram/fake-telegram.js";
import { FakeUser, type FakeUserOptions } from "../src/telegram/fake-user.js";

export const TEST_TOKEN = "123456:TEST-token-for-offline-tests";
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString("base64");
const BASE_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Each vitest worker gets its own Redis database (1–15), so files can flush it; DB 0 is never touched. */
export function testRedisUrl(): string {
  const db = 1 + ((Number(process.env.VITEST_POOL_ID ?? 1) - 1) % 15);
  return `${BASE_URL.replace(/\/\d*$/, "")}/${db}`;
}

const closers: Array<() => Promise<unknown>> = [];

/** A Redis connection for one test file, flushed before the file runs and closed after it. */
export function useRedis(): Redis {
  const redis = createRedis(testRedisUrl());
  beforeAll(async () => {
    await redis.flushdb();
  });
  afterAll(async () => {
    for (const close of closers.splice(0)) await close();
    await redis.quit();
  });
  return redis;
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let backgrounds = 0;

/** The bot's updates going through the journal and dispatcher on `redis`, as in main.ts. */
export function durableUpdates(test: { bot: { handleUpdate: (update: Update) => Promise<void> }; config: Pick<Config, "dataKey" | "webhook">; logs: { logger: Logger } }, redis: Redis) {
  // As main.ts has them: queued per person in webhook mode, where several processes may take updates.
  const durable = startDurableUpdates((update) => test.bot.handleUpdate(update), redis, createCipher(test.config.dataKey), test.logs.logger, test.config.webhook && ACROSS_PROCESSES);
  closers.push(async () => durable.dispatcher.close());
  return durable;
}

export function testConfig(env: Record<string, string> = {}) {
  // Tests press buttons faster than people do; the rate limit has tests of its own.
  return parseConfig({ BOT_TOKEN: TEST_TOKEN, DATA_KEY: TEST_DATA_KEY, REDIS_URL: testRedisUrl(), LOG_LEVEL: "debug", RATE_LIMIT_UPDATES: "1000", ...env });
}

/** Log lines as parsed JSON objects, plus the raw text to search for leaks. */
export function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

export function throwOnMissingTranslation(warning: { path: string }): never {
  throw new Error(`missing translation: ${warning.path}`);
}

export interface TestBotOptions {
  env?: Record<string, string>;
  telegram?: FakeTelegram;
  profile?: Profile;
}

/** The real bot, on real Redis, with Telegram replaced by the fake. */
export function createTestBot(redis: Redis, { env, telegram = new FakeTelegram(), profile = loadProfile() }: TestBotOptions = {}) {
  const config = testConfig(env);
  const logs = captureLogs();
  const metrics = createMetrics();
  const i18n = createI18n(config.defaultLocale, throwOnMissingTranslation);
  const bot = createBot(config, { redis, logger: logs.logger, metrics, i18n, profile, botInfo: FAKE_BOT_INFO, fetch: telegram.fetch });
  const user = (options: FakeUserOptions) => new FakeUser((update) => bot.handleUpdate(update), telegram, options);
  // The alert worker of this bot, on a BullMQ prefix of its own so no other test's worker takes its jobs.
  let background: Background | undefined;
  function startedBackground(): Background {
    if (!background) {
      const connection = createRedis(testRedisUrl(), { maxRetriesPerRequest: null, enableAutoPipelining: false });
      const cipher = createCipher(config.dataKey, config.oldDataKeys);
      const cases = createCaseStore(redis, cipher, { retentionDays: config.retentionDays });
      const started = startBackground({
        connection, redis, api: bot.api, broadcastApi: createBroadcastApi(config, telegram.fetch), cases, cipher, roles: createRoleStore(redis, config.adminIds), i18n, profile, config, logger: logs.logger,
        relayEveryMs: 0, retryDelayMs: 20, prefix: `test${++backgrounds}`, broadcastTiming: { lockDurationMs: 2000, retryDelayMs: 20, statusEveryMs: 50 },
      });
      closers.push(async () => {
        await started.close();
        await connection.quit();
      });
      background = started;
    }
    return background;
  }
  async function deliverAlerts() {
    const { alerts, notices, broadcasts, relay } = startedBackground();
    // A broadcast's report enters the outbox when its last batch ends: relayed until everything is still.
    const busy = async (queue: typeof alerts) => Object.values(await queue.getJobCounts("waiting", "active", "delayed", "prioritized")).some((count) => count > 0);
    await until(async () => (await relay()) === 0 && !(await busy(alerts)) && !(await busy(notices)) && !(await busy(broadcasts)) && (await relay()) === 0, "the queues to empty", 30_000);
  }
  /** The daily run (digest, retention) of this bot's background, now. */
  const runDaily = async (now: number) => {
    await deliverAlerts();
    return background!.daily.run(now);
  };
  /** The daily run's schedule, as BullMQ keeps it. */
  const dailySchedule = async () => {
    await deliverAlerts();
    await background!.daily.ready;
    return background!.daily.queue.getJobSchedulers();
  };
  return { bot, telegram, logs, metrics, i18n, config, user, deliverAlerts, runDaily, dailySchedule, background: startedBackground };
}

/** How the bot names a person's keys in Redis (session, form, trail), for the test key. */
export const personKey = (id: number, dataKey = TEST_DATA_KEY) => createCipher(dataKey).pseudonym(String(id));

let nextUserId = 500_000;
/** A fresh Telegram user id, so tests in one file never share a session. */
export const newUserId = () => nextUserId++;

/** Makes the first call of `method` fail with `failure`; later calls succeed. */
/** Someone new in a private chat with a fresh test bot on the shared Redis. */
export function newPerson(redis: Redis, language_code?: string) {
  return createTestBot(redis).user({ id: newUserId(), language_code });
}

export function failOnce(method: string, failure: ApiFailure): FaultInjector {
  let failed = false;
  return (call) => {
    if (call.method !== method || failed) return undefined;
    failed = true;
    return failure;
  };
}

/** A /start message as Telegram would post it to a webhook. */
export const startUpdate = (chatId: number, updateId = 1) => ({
  update_id: updateId,
  message: {
    message_id: 1, date: 0, text: "/start",
    chat: { id: chatId, type: "private", first_name: "U" },
    from: { id: chatId, is_bot: false, first_name: "U", language_code: "ru" },
    entities: [{ type: "bot_command", offset: 0, length: 6 }],
  },
});
