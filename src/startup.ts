import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./bot/context.js";
import { createBroadcastApi } from "./bot/index.js";
import { createCaseStore } from "./complaints/store.js";
import type { Cipher } from "./crypto.js";
import { startBackground } from "./jobs/background.js";
import { ConfigError, parseConfig, type Config } from "./config.js";
import type { Logger } from "./logger.js";
import { loadProfile, ProfileError, type Profile } from "./profile.js";
import { createRoleStore } from "./roles.js";
import { createRedis, persistenceEnabled, pingWithin, type Redis } from "./redis.js";

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The configuration from the environment; a missing token or a bad value ends the process with the reason. */
export function readConfig(env: Record<string, string | undefined>): Config {
  if (!env.BOT_TOKEN) {
    fail(
      "BOT_TOKEN is not set, so the bot cannot reach Telegram.\n" +
        "Put the token from @BotFather into .env (see .env.example), or try the bot in this terminal with: npm run chat",
    );
  }
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) fail(`${err.message}\nSee .env.example for every variable.`);
    throw err;
  }
}

export function readProfile(path: string | undefined): Profile {
  try {
    return loadProfile(path);
  } catch (err) {
    if (err instanceof ProfileError) fail(`${err.message}\nThe bot does not start with a broken organisation profile; see profile.yaml for the format.`);
    throw err;
  }
}

/** The connection every process starts with; without Redis there is nothing to do, and the process says how to get one. */
export async function connectRedis(config: Config, logger: Logger): Promise<Redis> {
  const redis = createRedis(config.redisUrl);
  let connected = false;
  // Before the first connection the failure is reported once, below; after it, each reconnect error is logged.
  redis.on("error", (err: Error) => {
    if (connected) logger.warn({ err }, "Redis connection error; reconnecting");
  });
  if (!(await pingWithin(redis, 3000))) {
    redis.disconnect();
    fail(
      `Cannot reach Redis at ${config.redisUrl}.\n` +
        "Start one with: scripts/up start (installs and starts a local Redis), " +
        "or: redis-server --daemonize yes --appendonly yes, or: docker compose up -d redis. " +
        "Or point REDIS_URL at a running Redis.",
    );
  }
  connected = true;
  if ((await persistenceEnabled(redis)) === false) {
    logger.warn("Redis persistence is off (no AOF, no RDB snapshots): complaints would be lost on a Redis restart");
  }
  return redis;
}

export interface QueuedWorkDeps {
  config: Config;
  redis: Redis;
  api: Api;
  cipher: Cipher;
  i18n: I18n<BotContext>;
  profile: Profile;
  logger: Logger;
  fetch?: typeof fetch;
}

/** The queued work (alerts, notices, broadcasts, the daily run) on connections of its own; close() ends it and both connections. */
export function startQueuedWork({ config, redis, api, cipher, i18n, profile, logger, fetch }: QueuedWorkDeps) {
  // BullMQ blocks on its connection and must never give up a command, so it gets one of its own.
  const queueRedis = createRedis(config.redisUrl, { maxRetriesPerRequest: null, enableAutoPipelining: false });
  const background = startBackground({
    connection: queueRedis, redis, api, broadcastApi: createBroadcastApi(config, fetch),
    cases: createCaseStore(redis, cipher, { retentionDays: config.retentionDays }), cipher,
    roles: createRoleStore(redis, config.adminIds), i18n, profile, config, logger,
  });
  return {
    background,
    async close() {
      await background.close();
      await queueRedis.quit();
      await redis.quit();
    },
  };
}
