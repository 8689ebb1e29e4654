import type { InlineKeyboardButton, KeyboardButton, Message, Update } from "grammy/types";
import { FAKE_BOT_INFO, personMessage, type ApiCall, type ChatMessage, type FakeTelegram } from "./fake-telegram.js";

export interface FakeUserOptions {
  id: number;
  first_name?: string;
  language_code?: string;
}

export type UpdateHandler = (update: Update) => Promise<void>;

export type Button = InlineKeyboardButton | KeyboardButton;

/** The buttons under a message; a markup that removes the keyboard or asks for a reply has none. */
export function buttonsOf(message: ChatMessage | undefined): Button[] {
  const markup = message?.reply_markup;
  if (!markup) return [];
  if ("inline_keyboard" in markup) return markup.inline_keyboard.flat();
  if ("keyboard" in markup) return markup.keyboard.flat();
  return [];
}

export const buttonText = (button: Button): string => (typeof button === "string" ? button : button.text);

// Telegram's update ids never repeat, and the bot relies on that (a repeated id is a resend): ids start
// from the clock, so a second run of the terminal chat on the same Redis does not reuse the first one's.
let nextUpdateId = Date.now() % 2 ** 31;
let nextMessageId = 1_000_000;

/** A person in a private chat with the bot, who writes messages and presses buttons. */
export class FakeUser {
  constructor(
    private readonly handle: UpdateHandler,
    private readonly telegram: FakeTelegram,
    readonly options: FakeUserOptions,
  ) {}

  get id(): number {
    return this.options.id;
  }

  /** The bot's messages in this chat, oldest first, as they read now. */
  get messages(): ChatMessage[] {
    return this.telegram.chat(this.id);
  }

  /** The message the bot sent or edited most recently. */
  get last(): ChatMessage {
    const last = this.messages.at(-1);
    if (!last) throw new Error(`the bot has sent nothing to user ${this.id}`);
    return last;
  }

  /** Bot API calls made for this chat, oldest first. */
  get calls(): ApiCall[] {
    const mine = (id: unknown) => typeof id === "string" && id.startsWith(`${this.id}:`);
    return this.telegram.calls.filter((call) => Number(call.payload.chat_id) === this.id || mine(call.payload.callback_query_id) || mine(call.payload.inline_query_id));
  }

  send(text: string): Promise<void> {
    const command = /^\/\w+/.exec(text)?.[0];
    const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command.length }] : undefined;
    return this.sendMessage({ text, ...(entities ? { entities } : {}) });
  }

  /** Sends any kind of message: a sticker, a photo, a voice note… */
  sendMessage(content: Partial<Message>): Promise<void> {
    const messageId = nextMessageId++;
    this.telegram.userMessage(this.id, messageId, content.text ?? content.caption);
    return this.handle({
      update_id: nextUpdateId++,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.id, type: "private", first_name: this.from.first_name },
        from: this.from,
        ...content,
      } as Update["message"],
    });
  }

  /** Answers a message of the bot's with Telegram's «Reply», as a prompt that asks for a reply is answered. */
  replyTo(message: Pick<ChatMessage, "message_id" | "text">, text: string): Promise<void> {
    const { message_id, text: quoted } = message;
    const chat = { id: this.id, type: "private" as const, first_name: this.from.first_name };
    return this.sendMessage({ text, reply_to_message: { message_id, date: Math.floor(Date.now() / 1000), chat, from: FAKE_BOT_INFO, text: quoted } as unknown as Message["reply_to_message"] });
  }

  /** Presses the newest button labelled `label`. */
  click(label: string): Promise<void> {
    const message = this.messages.findLast((candidate) => buttonsOf(candidate).some((button) => buttonText(button) === label));
    const button = buttonsOf(message).find((candidate) => buttonText(candidate) === label);
    if (!message || !button) throw new Error(`no button «${label}» in the chat with user ${this.id}`);
    return this.press(message, button);
  }

  /** Presses a button of a message: inline buttons send their data, keyboard buttons send their text. */
  press(message: ChatMessage, button: Button): Promise<void> {
    if (typeof button !== "string" && "callback_data" in button && button.callback_data !== undefined) {
      return this.pressData(message, button.callback_data);
    }
    return this.send(buttonText(button));
  }

  /** Sends callback data as if a button carried it, which is how a forged or stale button looks. */
  pressData(message: Pick<ChatMessage, "message_id" | "text" | "reply_to"> & Partial<Pick<ChatMessage, "reply_markup" | "photo">>, data: string): Promise<void> {
    return this.handle({
      update_id: nextUpdateId++,
      callback_query: {
        id: `${this.id}:${nextUpdateId}`,
        chat_instance: String(this.id),
        from: this.from,
        data,
        message: {
          message_id: message.message_id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.id, type: "private", first_name: this.from.first_name },
          ...(message.photo === undefined
            ? { text: message.text }
            : { photo: [{ file_id: message.photo, file_unique_id: message.photo, width: 800, height: 600 }], caption: message.text }),
          ...(message.reply_to ? { reply_to_message: personMessage(this.id, message.reply_to) } : {}),
          // As Telegram does: the message pressed comes with its inline buttons.
          ...(message.reply_markup && "inline_keyboard" in message.reply_markup ? { reply_markup: message.reply_markup } : {}),
        } as Message,
      },
    });
  }

  /** Types "@bot <query>" in any chat; the bot's answer is the answerInlineQuery call. */
  inlineQuery(query: string): Promise<void> {
    return this.handle({
      update_id: nextUpdateId++,
      inline_query: { id: `${this.id}:${nextUpdateId}`, from: this.from, query, offset: "" },
    });
  }

  private get from() {
    return { is_bot: false as const, first_name: "User", ...this.options };
  }
}
