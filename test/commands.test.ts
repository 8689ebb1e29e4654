import { describe, expect, it } from "vitest";
import { Api } from "grammy";
import { publishCommands } from "../src/bot/commands.js";
import { createI18n } from "../src/bot/i18n.js";
import { FakeTelegram } from "../src/telegram/fake-telegram.js";
import { captureLogs, TEST_TOKEN, throwOnMissingTranslation } from "./harness.js";

describe("command menu", () => {
  it("is published in the default language and per language", async () => {
    const telegram = new FakeTelegram();
    const { logger } = captureLogs();
    await publishCommands(new Api(TEST_TOKEN, { fetch: telegram.fetch }), createI18n("ky", throwOnMissingTranslation), "ky", logger);
    expect(telegram.calls).toEqual([
      { method: "setMyCommands", payload: { commands: expect.arrayContaining([{ command: "start", description: "Башкы меню" }]) } },
      { method: "setMyCommands", payload: expect.objectContaining({ language_code: "ky" }) },
      {
        method: "setMyCommands",
        payload: {
          language_code: "ru",
          commands: [
            { command: "start", description: "Главное меню" },
            { command: "report", description: "Сообщить о пытках" },
            { command: "status", description: "Мои сообщения" },
            { command: "rights", description: "Ваши права" },
            { command: "contacts", description: "Контакты и помощь" },
            { command: "official", description: "Официальные каналы" },
            { command: "news", description: "Новости организации" },
            { command: "subscribe", description: "Подписаться на новости" },
            { command: "unsubscribe", description: "Отписаться от новостей" },
            { command: "clear", description: "Очистить чат" },
            { command: "cancel", description: "Отменить черновик" },
            { command: "language", description: "Сменить язык" },
            { command: "help", description: "Справка и команды" },
          ],
        },
      },
    ]);
  });

  it("a Telegram that lacks setMyCommands is logged and the bot goes on", async () => {
    const telegram = new FakeTelegram();
    telegram.fault = () => ({ ok: false, error_code: 404, description: "Not Found: method not found" });
    const { logger, records } = captureLogs();
    await expect(
      publishCommands(new Api(TEST_TOKEN, { fetch: telegram.fetch }), createI18n("ky", throwOnMissingTranslation), "ky", logger),
    ).resolves.toBeUndefined();
    expect(records()).toEqual([expect.objectContaining({ level: 40, msg: expect.stringContaining("could not publish the command list") })]);
  });
});
