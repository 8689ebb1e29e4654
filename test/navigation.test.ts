import { describe, expect, it } from "vitest";
import { buttonText, buttonsOf } from "../src/telegram/fake-user.js";
import { newPerson, useRedis } from "./harness.js";

const redis = useRedis();

const KY_MENU = ["📚 Сиздин укуктарыңыз", "📝 Кыйноо тууралуу билдирүү", "📂 Менин билдирүүлөрүм", "☎️ Байланыштар", "📰 Уюмдун жаңылыктары", "🧹 Чатты тазалоо", "🌐 Тилди өзгөртүү"];
const RU_MENU = ["📚 Ваши права", "📝 Сообщить о пытках", "📂 Мои сообщения", "☎️ Контакты", "📰 Новости организации", "🧹 Очистить чат", "🌐 Сменить язык"];

describe("menu and help", () => {
  it("/start shows the main menu with only the entries that work", async () => {
    const person = newPerson(redis, "ky");
    await person.send("/start");
    expect(buttonsOf(person.last).map(buttonText)).toEqual(KY_MENU);
  });

  it("«Main menu» on any screen turns that message back into the main menu", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/contacts");
    await person.click("🏠 Главное меню");
    expect(person.messages).toHaveLength(1);
    expect(person.last.text).toMatch(/^Здравствуйте!/);
    expect(buttonsOf(person.last).map(buttonText)).toEqual(RU_MENU);
  });

  it("/help lists the commands, in the person's language, with the menu", async () => {
    const person = newPerson(redis, "ru");
    await person.send("/help");
    for (const command of ["/start", "/report", "/status", "/check", "/cancel", "/rights", "/contacts", "/official", "/clear", "/language", "/help"]) {
      expect(person.last.text).toContain(`${command} — `);
    }
    expect(buttonsOf(person.last).map(buttonText)).toEqual(RU_MENU);
  });
});

describe("what the bot does not understand", () => {
  const unknown = {
    "an unknown command": { text: "/foo", entities: [{ type: "bot_command" as const, offset: 0, length: 4 }] },
    "a sticker": { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } },
    "a photo": { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
    "a voice note": { voice: { file_id: "v", file_unique_id: "v", duration: 3 } },
  };

  for (const [name, content] of Object.entries(unknown)) {
    it(`answers ${name} with a pointer to the menu, in the person's language`, async () => {
      const person = newPerson(redis, "ru");
      await person.sendMessage(content as never);
      expect(person.last.text).toBe("Извините, это сообщение не удалось разобрать. Выберите раздел в меню ниже или напишите /help.");
      expect(buttonsOf(person.last).map(buttonText)).toEqual(RU_MENU);
    });
  }

  it("stops the spinner of an unknown button and says it no longer works", async () => {
    const person = newPerson(redis, "ky");
    await person.pressData({ message_id: 1, text: "old" }, "no-such-button");
    expect(person.calls).toEqual([
      { method: "answerCallbackQuery", payload: expect.objectContaining({ text: "Бул баскыч эми иштебейт. /start деп жазыңыз." }) },
    ]);
  });
});
