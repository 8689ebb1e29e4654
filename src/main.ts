import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { Update } from "grammy/types";
import { collectDefaultMetrics } from "prom-client";
import { createBot } from "./bot/index.js";
import { createCipher, newDataKey } from "./crypto.js";
import { migrate } from "./migrations.js";
import { ACROSS_PROCESSES, durableUpdates } from "./updates/dispatcher.js";
import { startPolling } from "./updates/polling.js";
import { publishCommands } from "./bot/commands.js";
import { createI18n } from "./bot/i18n.js";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import { profileGaps } from "./profile.js";
import { connectRedis, fail, readConfig, readProfile, startQueuedWork } from "./startup.js";
import { closeServer, listen, onShutdown } from "./lifecycle.js";
import { createHttpServer } from "./server.js";
import { FAKE_BOT_INFO, FakeTelegram } from "./telegram/fake-telegram.js";
import { runTerminalChat } from "./terminal-chat.js";

const CHAT_USER_ID = 1001;

async function main() {
  // Variables already set in the environment win over .env.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const chat = process.argv.includes("--chat");
  // The terminal chat is a demo: without a DATA_KEY it makes a throwaway one for this run.
  const env = chat
    ? { ...process.env, BOT_TOKEN: "1:terminal-chat-needs-no-real-token", BOT_MODE: "polling", DATA_KEY: process.env.DATA_KEY || newDataKey() }
    : process.env;
  const config = readConfig(env);
  const logger = createLogger({ level: chat ? "error" : config.logLevel, pretty: config.development });
  const profile = readProfile(config.profilePath);
  if (!profile.officialBot) logger.warn("the profile has no officialBot, so /official cannot show the bot's official username");
  for (const gap of profileGaps(profile)) logger.warn(`the profile is not filled in before going live: ${gap}`);
  if (config.staffChatId === undefined) logger.warn("STAFF_CHAT_ID is not set: nobody is alerted to new reports, and urgent ones wait until staff look");

  const redis = await connectRedis(config, logger);
  const cipher = createCipher(config.dataKey, config.oldDataKeys);
  await migrate(redis, cipher, logger, config.retentionDays);

  const metrics = createMetrics();
  const i18n = createI18n(config.defaultLocale, (warning) => logger.warn({ warning: warning.path }, "missing translation"));
  const telegram = chat ? new FakeTelegram() : undefined;
  const bot = createBot(config, { redis, logger, metrics, i18n, profile, botInfo: telegram && FAKE_BOT_INFO, fetch: telegram?.fetch });
  const queued = startQueuedWork({ config, redis, api: bot.api, cipher, i18n, profile, logger, fetch: telegram?.fetch });
  const closeRedis = () => queued.close();

  if (telegram) {
    await runTerminalChat({
      handle: (update) => bot.handleUpdate(update),
      telegram,
      input: process.stdin,
      output: process.stdout,
      userId: CHAT_USER_ID,
      languageCode: process.env.CHAT_LANGUAGE,
    });
    await closeRedis();
    return;
  }

  collectDefaultMetrics({ register: metrics.registry });
  await bot.init();
  await publishCommands(bot.api, i18n, config.defaultLocale, logger);

  // Updates go through the journal: recorded in Redis before Telegram is told they arrived, handled, then
  // taken out. Whatever a previous process recorded and did not finish is handled first.
  const { dispatcher } = durableUpdates((update) => bot.handleUpdate(update), redis, cipher, logger, config.webhook && ACROSS_PROCESSES);
  void dispatcher.catchUp();
  // New webhook requests stop first; the updates already recorded are then finished.
  const finish = async (server: Server) => {
    await closeServer(server);
    await dispatcher.idle();
    dispatcher.close();
    await closeRedis();
  };

  if (config.webhook) {
    const { url, secret } = config.webhook;
    const receive = (update: Update) => dispatcher.receive([update]);
    const server = createHttpServer({ redis, metrics, logger, webhook: { path: new URL(url).pathname, secret, receive } });
    await listen(server, config.port);
    await bot.api.setWebhook(url, { secret_token: secret });
    onShutdown(logger, () => finish(server));
    logger.info({ port: config.port, bot: bot.botInfo.username }, "bot started with a webhook");
  } else {
    const server = createHttpServer({ redis, metrics, logger });
    await listen(server, config.port);
    await bot.api.deleteWebhook();
    const polling = startPolling({ api: bot.api, dispatcher, logger });
    polling.task.catch((err: unknown) => fail(`Polling stopped: ${err instanceof Error ? err.message : String(err)}`));
    onShutdown(logger, async () => {
      await polling.stop();
      await finish(server);
    });
    logger.info({ port: config.port, bot: bot.botInfo.username }, "bot started with long polling");
  }
}

await main().catch((err: unknown) => fail(`The bot could not start: ${err instanceof Error ? err.message : String(err)}`));
