import { z } from "zod";

export const LOCALES = ["ky", "ru"] as const;
export type Locale = (typeof LOCALES)[number];

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const PORT_HINT = "must be a port number from 1 to 65535";

const idList = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d+$/, "must be a comma-separated list of numeric Telegram user ids")))
  .transform((ids) => ids.map(Number));

const count = (hint: string) =>
  z
    .string()
    .regex(/^\d+$/, hint)
    .transform(Number)
    .refine((value) => value >= 1, hint);

const KEY_HINT = "must be 32 random bytes in base64; make one with: npm run keygen";
const dataKey = z
  .string({ error: `is required: the key that encrypts complaints at rest. It ${KEY_HINT.replace("must be", "is")}` })
  .refine((value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, "base64").length === 32, KEY_HINT);

const base = z.object({
  BOT_TOKEN: z
    .string({ error: "is required: the token @BotFather gave you, like 123456:ABC-DEF" })
    .regex(/^\d+:[\w-]{20,}$/, "must look like 123456:ABC-DEF… (the token @BotFather gave you)"),
  PORT: z
    .string()
    .regex(/^\d+$/, PORT_HINT)
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, PORT_HINT)
    .default(3000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).default("redis://127.0.0.1:6379"),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://api.telegram.org"),
  ADMIN_IDS: idList,
  STAFF_CHAT_ID: z
    .string()
    .regex(/^-?\d+$/, "must be a numeric Telegram chat id, like -1001234567890")
    .transform(Number)
    .optional(),
  DEFAULT_LOCALE: z.enum(LOCALES, { error: "must be ky or ru" }).default("ky"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  PROFILE_PATH: z.string().optional(),
  DATA_KEY: dataKey,
  DATA_KEYS_OLD: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(dataKey)),
  RATE_LIMIT_UPDATES: count("must be a whole number of updates, 1 or more").default(20),
  RATE_LIMIT_SECONDS: count("must be a whole number of seconds, 1 or more").default(10),
  ACK_WITHIN_HOURS: count("must be a whole number of hours, 1 or more").default(24),
  ACT_WITHIN_DAYS: count("must be a whole number of days, 1 or more").default(3),
  RETENTION_DAYS: count("must be a whole number of days, 1 or more").default(365),
  AUDIT_KEEP_DAYS: count("must be a whole number of days, 1 or more").default(730),
  DIGEST_HOUR: z
    .string()
    .regex(/^\d{1,2}$/, "must be an hour from 0 to 23 (Bishkek time)")
    .transform(Number)
    .refine((hour) => hour <= 23, "must be an hour from 0 to 23 (Bishkek time)")
    .default(9),
  BROADCAST_RATE: count("must be a whole number of messages per second, 1 or more").default(25),
  BROADCAST_PAID: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
  BROADCAST_TAKEOVER_SECONDS: count("must be a whole number of seconds, 1 or more").default(30),
  BROADCAST_APPROVAL: z.enum(["true", "false"], { error: "must be true or false" }).default("true"),
  NODE_ENV: z.enum(["development", "production", "test"], { error: "must be development, production or test" }).default("production"),
});

const polling = base.extend({ BOT_MODE: z.literal("polling") });
const webhook = base.extend({
  BOT_MODE: z.literal("webhook"),
  WEBHOOK_URL: z.url({ protocol: /^https$/, error: "is required in webhook mode: the public https:// URL Telegram posts updates to" }),
  WEBHOOK_SECRET: z
    .string({ error: "is required in webhook mode: 16 to 256 characters of A-Z, a-z, 0-9, _ and -" })
    .regex(/^[\w-]{16,256}$/, "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -"),
});

const schema = z
  .object({ BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling") })
  .loose()
  .pipe(z.discriminatedUnion("BOT_MODE", [polling, webhook]))
  // Telegram takes about 30 messages a second from a bot, and up to 1,000 in paid broadcasts.
  .refine((env) => env.BROADCAST_RATE <= (env.BROADCAST_PAID === "true" ? 1000 : 30), {
    path: ["BROADCAST_RATE"],
    message: "must be at most 30 messages per second (Telegram's limit), or at most 1000 with BROADCAST_PAID=true",
  })
  .transform((env) => ({
    botToken: env.BOT_TOKEN,
    botMode: env.BOT_MODE,
    webhook: env.BOT_MODE === "webhook" ? { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET } : undefined,
    port: env.PORT,
    redisUrl: env.REDIS_URL,
    apiRoot: env.TELEGRAM_API_ROOT,
    adminIds: env.ADMIN_IDS,
    staffChatId: env.STAFF_CHAT_ID,
    defaultLocale: env.DEFAULT_LOCALE,
    logLevel: env.LOG_LEVEL,
    profilePath: env.PROFILE_PATH,
    dataKey: env.DATA_KEY,
    oldDataKeys: env.DATA_KEYS_OLD,
    rateLimit: { updates: env.RATE_LIMIT_UPDATES, seconds: env.RATE_LIMIT_SECONDS },
    /** How soon a new case must be acknowledged, and acted on, before it shows as overdue. */
    deadlines: { ackHours: env.ACK_WITHIN_HOURS, actDays: env.ACT_WITHIN_DAYS },
    retentionDays: env.RETENTION_DAYS,
    auditKeepDays: env.AUDIT_KEEP_DAYS,
    /** The hour, Bishkek time, of the daily digest and the retention run. */
    digestHour: env.DIGEST_HOUR,
    /** Messages per second over all broadcasts; paid broadcasts set allow_paid_broadcast. */
    broadcast: { rate: env.BROADCAST_RATE, paid: env.BROADCAST_PAID === "true", approval: env.BROADCAST_APPROVAL === "true", takeoverMs: env.BROADCAST_TAKEOVER_SECONDS * 1000 },
    development: env.NODE_ENV === "development",
  }));

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable in .env means "not set", so defaults apply to it too.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${String(issue.path[0] ?? "environment")} ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
