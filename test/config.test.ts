import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const KEY = Buffer.alloc(32, 1).toString("base64");
const OLD_KEY = Buffer.alloc(32, 2).toString("base64");

function errorOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a configuration error");
}

describe("configuration", () => {
  it("fills every default", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, DATA_KEY: KEY })).toEqual({
      botToken: TOKEN,
      botMode: "polling",
      webhook: undefined,
      port: 3000,
      redisUrl: "redis://127.0.0.1:6379",
      apiRoot: "https://api.telegram.org",
      adminIds: [],
      staffChatId: undefined,
      defaultLocale: "ky",
      logLevel: "info",
      development: false,
      profilePath: undefined,
      dataKey: KEY,
      oldDataKeys: [],
      rateLimit: { updates: 20, seconds: 10 },
      deadlines: { ackHours: 24, actDays: 3 },
      retentionDays: 365,
      auditKeepDays: 730,
      digestHour: 9,
      broadcast: { rate: 25, paid: false, approval: true, takeoverMs: 30_000 },
    });
  });

  it("holds broadcasts to Telegram's 30 a second unless they are paid, and then to 1,000", () => {
    const env = { BOT_TOKEN: "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", DATA_KEY: KEY };
    expect(() => parseConfig({ ...env, BROADCAST_RATE: "31" })).toThrow(/BROADCAST_RATE must be at most 30/);
    expect(parseConfig({ ...env, BROADCAST_RATE: "1000", BROADCAST_PAID: "true" }).broadcast).toMatchObject({ rate: 1000, paid: true });
    expect(() => parseConfig({ ...env, BROADCAST_RATE: "1001", BROADCAST_PAID: "true" })).toThrow(/BROADCAST_RATE/);
    expect(() => parseConfig({ ...env, BROADCAST_APPROVAL: "yes" })).toThrow(/BROADCAST_APPROVAL must be true or false/);
  });

  it("reads every variable", () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN, DATA_KEY: KEY, DATA_KEYS_OLD: OLD_KEY, PROFILE_PATH: "/etc/ukuk/profile.yaml", BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "a".repeat(16),
      PORT: "8080", REDIS_URL: "redis://redis:6379/2", TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      ADMIN_IDS: "12, 34", STAFF_CHAT_ID: "-1001234567890", DEFAULT_LOCALE: "ru", LOG_LEVEL: "debug", NODE_ENV: "development",
      ACK_WITHIN_HOURS: "8", ACT_WITHIN_DAYS: "5", RETENTION_DAYS: "1000", AUDIT_KEEP_DAYS: "400", DIGEST_HOUR: "0",
    });
    expect(config).toMatchObject({
      botMode: "webhook", webhook: { url: "https://bot.example.org/hook", secret: "a".repeat(16) }, port: 8080,
      redisUrl: "redis://redis:6379/2", apiRoot: "http://127.0.0.1:8081", adminIds: [12, 34], staffChatId: -1001234567890,
      defaultLocale: "ru", logLevel: "debug", development: true, profilePath: "/etc/ukuk/profile.yaml", oldDataKeys: [OLD_KEY],
      deadlines: { ackHours: 8, actDays: 5 }, retentionDays: 1000, auditKeepDays: 400, digestHour: 0,
    });
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ BOT_TOKEN: TOKEN, DATA_KEY: KEY, PORT: "", DEFAULT_LOCALE: "" })).toMatchObject({ port: 3000, defaultLocale: "ky" });
  });

  const cases: Array<[string, Record<string, string>, string]> = [
    ["a missing token", { DATA_KEY: KEY }, "BOT_TOKEN is required"],
    ["a malformed token", { BOT_TOKEN: "nope" }, "BOT_TOKEN must look like 123456:ABC-DEF"],
    ["an unknown mode", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, BOT_MODE: "push" }, "BOT_MODE must be polling or webhook"],
    ["webhook mode without a URL", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, BOT_MODE: "webhook", WEBHOOK_SECRET: "a".repeat(16) }, "WEBHOOK_URL is required in webhook mode"],
    ["a plain-http webhook URL", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, BOT_MODE: "webhook", WEBHOOK_URL: "http://x.org/h", WEBHOOK_SECRET: "a".repeat(16) }, "WEBHOOK_URL is required in webhook mode: the public https:// URL"],
    ["webhook mode without a secret", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/h" }, "WEBHOOK_SECRET is required in webhook mode"],
    ["a short secret", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/h", WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET must be 16 to 256 characters"],
    ["a port out of range", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, PORT: "70000" }, "PORT must be a port number from 1 to 65535"],
    ["a port that is not a number", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, PORT: "http" }, "PORT must be a port number from 1 to 65535"],
    ["a rate limit of none", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, RATE_LIMIT_UPDATES: "0" }, "RATE_LIMIT_UPDATES must be a whole number of updates, 1 or more"],
    ["a rate window that is not a number", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, RATE_LIMIT_SECONDS: "ten" }, "RATE_LIMIT_SECONDS must be a whole number of seconds, 1 or more"],
    ["a digest hour past the day", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, DIGEST_HOUR: "24" }, "DIGEST_HOUR must be an hour from 0 to 23 (Bishkek time)"],
    ["no retention", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, RETENTION_DAYS: "0" }, "RETENTION_DAYS must be a whole number of days, 1 or more"],
    ["a non-Redis URL", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, REDIS_URL: "http://localhost:6379" }, "REDIS_URL must be a redis:// or rediss:// URL"],
    ["a bad API root", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, TELEGRAM_API_ROOT: "api.telegram.org" }, "TELEGRAM_API_ROOT must be an http(s) URL"],
    ["a bad admin list", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, ADMIN_IDS: "12,@boss" }, "ADMIN_IDS must be a comma-separated list of numeric Telegram user ids"],
    ["a bad staff chat", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, STAFF_CHAT_ID: "staff" }, "STAFF_CHAT_ID must be a numeric Telegram chat id"],
    ["an unsupported locale", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, DEFAULT_LOCALE: "kg" }, "DEFAULT_LOCALE must be ky or ru"],
    ["a missing data key", { BOT_TOKEN: TOKEN }, "DATA_KEY is required: the key that encrypts complaints at rest. It is 32 random bytes in base64; make one with: npm run keygen"],
    ["a short data key", { BOT_TOKEN: TOKEN, DATA_KEY: "c2hvcnQ=" }, "DATA_KEY must be 32 random bytes in base64; make one with: npm run keygen"],
    ["a bad old data key", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, DATA_KEYS_OLD: "x" }, "DATA_KEYS_OLD must be 32 random bytes in base64"],
    ["an unknown log level", { BOT_TOKEN: TOKEN, DATA_KEY: KEY, LOG_LEVEL: "loud" }, "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent"],
  ];
  for (const [name, env, expected] of cases) {
    it(`names the variable and what it expects for ${name}`, () => {
      expect(errorOf(env)).toContain(expected);
    });
  }

  it("lists every bad variable at once", () => {
    const message = errorOf({ PORT: "0", DEFAULT_LOCALE: "en" });
    expect(message).toContain("BOT_TOKEN");
    expect(message).toContain("PORT");
    expect(message).toContain("DEFAULT_LOCALE");
  });
});
