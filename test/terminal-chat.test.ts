import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminalChat } from "../src/terminal-chat.js";
import { createTestBot, newUserId, useRedis } from "./harness.js";

const redis = useRedis();

async function chat(lines: string[]) {
  const { bot, telegram } = createTestBot(redis);
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => (printed += String(chunk)));
  const done = runTerminalChat({ handle: (update) => bot.handleUpdate(update), telegram, input, output, userId: newUserId() });
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
    expect(printed).toContain("[#1 📚 Ваши права] [#2 📝 Сообщить о пытках] [#3 📂 Мои сообщения] [#4 ☎️ Контакты] [#5 🧹 Очистить чат] [#6 🌐 Сменить язык]");
    expect(printed).toContain("/language — сменить язык");
    // /start, the prompt, the greeting, /help, its answer, /clear; the language choice was an edit.
    expect(printed).toContain("(the bot deleted 6 messages of this chat)\n\nbot> Готово.");
  });

  it("says so when there is no such button", async () => {
    const printed = await chat(["/start", "#9"]);
    expect(printed).toContain("(no button #9 here)");
  });
});
