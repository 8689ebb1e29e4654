/**
 * npm run bench:flood — one person floods an open report form with 1,000 messages: wrong answers at a
 * question with buttons, then, at «What happened», a text at the length limit followed by more text than
 * fits. Prints what an update costs after that, and how big the stored draft is. The rate limit is set out
 * of the way (RATE_LIMIT_UPDATES), to measure the form itself: in production the limit drops most of such
 * a flood before it reaches the form. Uses Redis database 14 of REDIS_URL, which it flushes.
 */
import { createBot } from "../src/bot/index.js";
import { createI18n } from "../src/bot/i18n.js";
import { parseConfig } from "../src/config.js";
import { createCipher, newDataKey } from "../src/crypto.js";
import { createLogger } from "../src/logger.js";
import { createMetrics } from "../src/metrics.js";
import { loadProfile } from "../src/profile.js";
import { createRedis, KEYS } from "../src/redis.js";
import { FAKE_BOT_INFO, FakeTelegram } from "../src/telegram/fake-telegram.js";
import { FakeUser } from "../src/telegram/fake-user.js";
import { durableHandler } from "./durable.js";

const FLOOD = 1000;
const MEASURED = 100;
const redisUrl = `${(process.env.REDIS_URL ?? "redis://127.0.0.1:6379").replace(/\/\d*$/, "")}/14`;

const redis = createRedis(redisUrl);
await redis.flushdb();
const config = parseConfig({ BOT_TOKEN: "123456:BENCH-token-not-used-for-network", REDIS_URL: redisUrl, DATA_KEY: newDataKey(), RATE_LIMIT_UPDATES: "100000" });
const i18n = createI18n("ru", () => undefined);
const telegram = new FakeTelegram();
const logger = createLogger({ level: "silent" });
const bot = createBot(config, { redis, logger, metrics: createMetrics(), i18n, profile: loadProfile(), botInfo: FAKE_BOT_INFO, fetch: telegram.fetch });
const handle = durableHandler(bot, redis, createCipher(config.dataKey), logger);
const t = (key: string, vars: Record<string, number> = {}) => i18n.t("ru", key, vars);
const person = new FakeUser(handle, telegram, { id: 4_000_001, language_code: "ru" });

await person.send("/report");
await person.click(t("report-agree"));
const timings: number[] = [];
const timed = async (send: () => Promise<void>) => {
  const started = performance.now();
  await send();
  timings.push(performance.now() - started);
};
// Half the flood at a question answered with buttons.
for (let i = 0; i < FLOOD / 2; i++) await timed(() => person.send(`не знаю ${i}`));
await person.click(t("report-reporter-victim"));
await person.click(t("report-place-police"));
await person.click(t("report-region-bishkek"));
await person.click(t("report-skip"));
await person.click(t("report-when-today"));
// The other half at «What happened»: a text at the limit, then more than fits.
await timed(() => person.send("Меня задержали и били. ".repeat(170).slice(0, 3990)));
for (let i = 1; i < FLOOD / 2; i++) await timed(() => person.send(`И ещё одна подробность номер ${i}.`));

const last = timings.slice(-MEASURED);
const msPerUpdate = last.reduce((sum, ms) => sum + ms, 0) / last.length;
const draftBytes = await redis.strlen(KEYS.conversation + createCipher(config.dataKey).pseudonym(String(person.id)));
const stillOpen = person.last.text.startsWith(t("report-hint-narrative-too-long", { max: 0, length: 0 }).split(":")[0]!);
await redis.flushdb();
await redis.quit();

process.stdout.write(
  `${FLOOD} messages into one open form; the last ${MEASURED} took ${msPerUpdate.toFixed(2)} ms each on average; ` +
    `stored draft ${(draftBytes / 1024).toFixed(1)} KB; form still waiting at «What happened»: ${stillOpen}\n` +
    `${JSON.stringify({ msPerUpdate: Number(msPerUpdate.toFixed(2)), draftBytes })}\n`,
);
