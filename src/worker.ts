import { existsSync } from "node:fs";
import { Api } from "grammy";
import { createI18n } from "./bot/i18n.js";
import { retryTransformer } from "./bot/retry.js";
import { createCipher } from "./crypto.js";
import { onShutdown } from "./lifecycle.js";
import { createLogger } from "./logger.js";
import { migrate } from "./migrations.js";
import { connectRedis, fail, readConfig, readProfile, startQueuedWork } from "./startup.js";

// A process that only does queued work (broadcasts, staff alerts, notices, the daily run): run as many as
// needed anywhere that reaches the same Redis; they share the queues and the one broadcast rate.
async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = readConfig(process.env);
  const logger = createLogger({ level: config.logLevel, pretty: config.development });
  const redis = await connectRedis(config, logger);
  const cipher = createCipher(config.dataKey, config.oldDataKeys);
  await migrate(redis, cipher, logger, config.retentionDays);
  const api = new Api(config.botToken, { apiRoot: config.apiRoot });
  api.config.use(retryTransformer(config));
  const i18n = createI18n(config.defaultLocale, (warning) => logger.warn({ warning: warning.path }, "missing translation"));
  const queued = startQueuedWork({ config, redis, api, cipher, i18n, profile: readProfile(config.profilePath), logger });
  onShutdown(logger, () => queued.close());
  logger.info({ rate: config.broadcast.rate }, "worker started");
}

await main().catch((err: unknown) => fail(`The worker could not start: ${err instanceof Error ? err.message : String(err)}`));
