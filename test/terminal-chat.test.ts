import { PassThrough } from "node:stream";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { runTerminalChat } from "../src/terminal-chat.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";

const redis = useRedis();

async function chat(lines: string[], languageCode?: string, updates: Update[] = []) {
  const { bot, telegram } = createTestBot(redis);
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => (printed += String(chunk)));
  const done = runTerminalChat({ handle: (update) => (updates.push(update), bot.handleUpdate(update)), telegram, input, output, userId: newUserId(), languageCode });
  input.end(lines.join("\n") + "\n");
  await done;
  return printed;
}

describe("npm run chat", () => {
  it("prints the bot's messages with numbered buttons, and #N presses a button", async () => {
    const printed = await chat(["/start", "#2", "/help", "/clear"]);
    expect(printed).toContain("bot> Тилди тандаңыз:\n     Выберите язык:\n     [#1 Кыргызча] [#2 Русский]");
    expect(printed).toContain("bot (edited)> Теперь я говорю с вами по-русски.");
    expect(printed).toContain("bot> Здравствуйте!");
    expect(printed).toContain("[#1 📚 Ваши права] [#2 📝 Сообщить о пытках] [#3 📂 Мои сообщения] [#4 ☎️ Контакты] [#5 📰 Новости организации] [#6 🧹 Очистить чат] [#7 🌐 Сменить язык]");
    expect(printed).toContain("/language — сменить язык");
    // /start, the prompt, the greeting, /help, its answer, /clear; the language choice was an edit.
    expect(printed).toContain("(the bot deleted 6 messages of this chat)\n\nbot> Готово.");
  });

  it("goes through the report form's phone step, where the reply keyboard is taken away again", async () => {
    const form = ["/report", "#1", "#1", "#1", "#1", "#1", "#1", "#1", "Меня били в отделе милиции два часа.", "#1", "#2", "#1"];
    const printed = await chat([...form, "#3", "+996 555 123 456"], "ru");
    expect(printed).toContain("[#1 📱 Поделиться номером] [#2 ⬅️ Назад] [#3 ✖️ Отменить]");
    expect(printed).toContain("bot> Номер записан.");
    expect(printed).toContain("bot> Проверьте, всё ли верно");
    expect(printed).toContain("По телефону: +996555123456");
    expect(printed).not.toContain("the bot failed");
  });

  it("says so when there is no such button", async () => {
    const printed = await chat(["/start", "#9"]);
    expect(printed).toContain("(no button #9 here)");
  });

  it("answers a prompt with Telegram's «Reply» when a line starts with >", async () => {
    const updates: Update[] = [];
    const printed = await chat(["/help", "> Меня избили"], "ru", updates);
    const reply = updates.at(-1)?.message;
    expect(reply?.text).toBe("Меня избили");
    expect(reply?.reply_to_message?.from?.is_bot).toBe(true);
    expect(reply?.reply_to_message?.text).toMatch(/^\/start|Вот что я умею|\/report/);
    expect(printed).not.toContain("the bot failed");
  });
});
