import { Bot, GrammyError, InputFile } from "grammy";
import { describe, expect, it } from "vitest";
import { FakeTelegram, type Payload } from "../src/telegram/fake-telegram.js";
import { FakeUser } from "../src/telegram/fake-user.js";
import { TEST_TOKEN } from "./harness.js";

const CHAT = 4242;

/** One Bot API call as grammY makes it, and Telegram's answer. */
async function call(telegram: FakeTelegram, method: string, payload: Payload) {
  const response = await telegram.fetch(`https://api.telegram.org/bot${TEST_TOKEN}/${method}`, { method: "POST", body: JSON.stringify(payload) });
  return (await response.json()) as { ok: boolean; error_code?: number; description?: string; result?: { message_id: number } };
}

const refused = (description: string) => ({ ok: false, error_code: 400, description: `Bad Request: ${description}` });

async function sent(telegram: FakeTelegram, payload: Payload = {}) {
  const answer = await call(telegram, "sendMessage", { chat_id: CHAT, text: "hello", ...payload });
  return answer.result!.message_id;
}

const buttons = (count: number, data = (i: number) => `b${i}`) => ({
  inline_keyboard: Array.from({ length: count }, (_, i) => [{ text: String(i), callback_data: data(i) }]),
});

describe("the fake Telegram refuses what Telegram refuses", () => {
  it("keeps a photo a photo and a text a text: editMessageText of a photo and editMessageMedia of a text are refused; a media caption is measured", async () => {
    const telegram = new FakeTelegram();
    const photo = (await call(telegram, "sendPhoto", { chat_id: CHAT, photo: "AgACfile1", caption: "one" })).result!.message_id;
    const text = await sent(telegram);
    expect(await call(telegram, "editMessageText", { chat_id: CHAT, message_id: photo, text: "x" })).toEqual(refused("there is no text in the message to edit"));
    expect(await call(telegram, "editMessageMedia", { chat_id: CHAT, message_id: text, media: { type: "photo", media: "AgACfile2" } })).toEqual(refused("there is no media in the message to edit"));
    expect(await call(telegram, "editMessageMedia", { chat_id: CHAT, message_id: photo, media: { type: "photo", media: "AgACfile2", caption: "ж".repeat(1025) } })).toEqual(refused("message caption is too long"));
    expect(await call(telegram, "editMessageMedia", { chat_id: CHAT, message_id: photo, media: { type: "photo", media: "AgACfile2", caption: "two" } })).toMatchObject({ ok: true });
    expect(telegram.chat(CHAT).find((message) => message.message_id === photo)).toMatchObject({ photo: "AgACfile2", text: "two" });
  });

  it("takes a text of 4,096 characters and refuses 4,097, counted in UTF-16 code units; an empty text too", async () => {
    const telegram = new FakeTelegram();
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "ж".repeat(4096) })).toMatchObject({ ok: true });
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "ж".repeat(4097) })).toEqual(refused("message is too long"));
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "😀".repeat(2048) + "x" })).toEqual(refused("message is too long"));
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: " \n " })).toEqual(refused("message text is empty"));
    const id = await sent(telegram);
    expect(await call(telegram, "editMessageText", { chat_id: CHAT, message_id: id, text: "a".repeat(4097) })).toEqual(refused("message is too long"));
    expect(await call(telegram, "editMessageText", { chat_id: CHAT, message_id: id, text: "a".repeat(4096) })).toMatchObject({ ok: true });
  });

  it("counts an HTML message as the person reads it: tags left out, entities as one character each", async () => {
    const telegram = new FakeTelegram();
    const html = (count: number) => `<b>${"&lt;".repeat(count - 3)}</b><i>&amp;&#1046;&#x416;</i>`;
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: html(4096), parse_mode: "HTML" })).toMatchObject({ ok: true });
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: html(4097), parse_mode: "HTML" })).toEqual(refused("message is too long"));
    // Without parse_mode the same characters are all visible.
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "&lt;".repeat(1025) })).toEqual(refused("message is too long"));
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "<b></b>", parse_mode: "HTML" })).toEqual(refused("message text is empty"));
  });

  it("takes a caption of 1,024 characters and refuses 1,025", async () => {
    const telegram = new FakeTelegram();
    expect(await call(telegram, "sendPhoto", { chat_id: CHAT, photo: "file", caption: "ж".repeat(1024) })).toMatchObject({ ok: true });
    expect(await call(telegram, "sendDocument", { chat_id: CHAT, document: "file", caption: "ж".repeat(1025) })).toEqual(refused("message caption is too long"));
    const html = `<b>${"&amp;".repeat(1024)}</b>`;
    expect(await call(telegram, "sendVoice", { chat_id: CHAT, voice: "file", caption: html, parse_mode: "HTML" })).toMatchObject({ ok: true });
    expect(await call(telegram, "sendVideo", { chat_id: CHAT, video: "file", caption: `${html}.`, parse_mode: "HTML" })).toEqual(refused("message caption is too long"));
  });

  it("refuses callback data over 64 bytes of UTF-8, however few characters they are", async () => {
    const telegram = new FakeTelegram();
    const markup = (data: string) => ({ inline_keyboard: [[{ text: "ok", callback_data: "ok" }], [{ text: "x", callback_data: data }]] });
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "hi", reply_markup: markup("ж".repeat(32)) })).toMatchObject({ ok: true });
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "hi", reply_markup: markup(`${"ж".repeat(32)}x`) })).toEqual(refused("BUTTON_DATA_INVALID"));
    const id = await sent(telegram);
    expect(await call(telegram, "editMessageReplyMarkup", { chat_id: CHAT, message_id: id, reply_markup: markup("д".repeat(33)) })).toEqual(refused("BUTTON_DATA_INVALID"));
  });

  it("takes 100 buttons under a message and refuses 101", async () => {
    const telegram = new FakeTelegram();
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "hi", reply_markup: buttons(100) })).toMatchObject({ ok: true });
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "hi", reply_markup: buttons(101) })).toEqual(refused("reply markup is too long"));
  });

  it("refuses to edit or delete a message that is not there, or is in another chat", async () => {
    const telegram = new FakeTelegram();
    const id = await sent(telegram);
    for (const missing of [{ chat_id: CHAT, message_id: id + 1 }, { chat_id: CHAT + 1, message_id: id }]) {
      expect(await call(telegram, "editMessageText", { ...missing, text: "new" })).toEqual(refused("message to edit not found"));
      expect(await call(telegram, "editMessageReplyMarkup", { ...missing, reply_markup: buttons(1) })).toEqual(refused("message to edit not found"));
      expect(await call(telegram, "deleteMessage", missing)).toEqual(refused("message to delete not found"));
    }
    expect(await call(telegram, "deleteMessage", { chat_id: CHAT, message_id: id })).toEqual({ ok: true, result: true });
    expect(await call(telegram, "deleteMessage", { chat_id: CHAT, message_id: id })).toEqual(refused("message to delete not found"));
    expect(await call(telegram, "editMessageText", { chat_id: CHAT, message_id: id, text: "new" })).toEqual(refused("message to edit not found"));
  });

  it("refuses a reply to a message that is not there, and shows the person's message inside a reply to it", async () => {
    const telegram = new FakeTelegram();
    telegram.userMessage(CHAT, 77, "где адвокат");
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "a", reply_parameters: { message_id: 78 } })).toEqual(refused("message to be replied not found"));
    expect(await call(telegram, "sendMessage", { chat_id: CHAT, text: "a", reply_parameters: { message_id: 78, allow_sending_without_reply: true } })).toMatchObject({ ok: true });
    const answer = await call(telegram, "sendMessage", { chat_id: CHAT, text: "a", reply_parameters: { message_id: 77 } });
    expect(answer).toMatchObject({ ok: true, result: { reply_to_message: { message_id: 77, text: "где адвокат" } } });
  });

  it("lets the bot delete the person's own messages, but not edit them; deleteMessages skips ids that are not there", async () => {
    const telegram = new FakeTelegram();
    const theirs: number[] = [];
    const person = new FakeUser(async (update) => void theirs.push(update.message!.message_id), telegram, { id: CHAT });
    await person.send("123456");
    await person.send("/start");
    expect(await call(telegram, "editMessageText", { chat_id: CHAT, message_id: theirs[0], text: "x" })).toEqual(refused("message can't be edited"));
    expect(await call(telegram, "deleteMessage", { chat_id: CHAT, message_id: theirs[0] })).toEqual({ ok: true, result: true });
    const ours = await sent(telegram);
    expect(await call(telegram, "deleteMessages", { chat_id: CHAT, message_ids: [theirs[0], theirs[1], ours, 999_999] })).toEqual({ ok: true, result: true });
    expect(person.messages).toEqual([]);
    expect(await call(telegram, "deleteMessage", { chat_id: CHAT, message_id: theirs[1] })).toEqual(refused("message to delete not found"));
  });

  it("takes an uploaded photo within 10 MB and 10,000 pixels of width and height together, at most 20 times as long as wide", async () => {
    const telegram = new FakeTelegram();
    const bot = new Bot(TEST_TOKEN, { client: { fetch: telegram.fetch } });
    // The fake reads a PNG's size from its header only: a header is enough.
    const png = (width: number, height: number) => {
      const header = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(header);
      header.writeUInt32BE(width, 16);
      header.writeUInt32BE(height, 20);
      return new InputFile(header, "chart.png");
    };
    const refusal = (width: number, height: number) =>
      bot.api.sendPhoto(CHAT, png(width, height)).then(() => undefined, (err: unknown) => (err instanceof GrammyError ? err.description : err));
    expect(await refusal(800, 2000)).toBeUndefined();
    expect(await refusal(100, 2000)).toBeUndefined();
    expect(await refusal(99, 2000)).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    expect(await refusal(5000, 5001)).toBe("Bad Request: PHOTO_INVALID_DIMENSIONS");
    const tooBig = await bot.api.sendPhoto(CHAT, new InputFile(Buffer.alloc(10 * 1024 * 1024 + 1), "big.png")).catch((err: GrammyError) => err.description);
    expect(tooBig).toBe("Bad Request: PHOTO_SAVE_FILE_INVALID");
  });
});
