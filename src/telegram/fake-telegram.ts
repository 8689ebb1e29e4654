import busboy from "busboy";
import { buffer } from "node:stream/consumers";
import type { ForceReply, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove, UserFromGetMe } from "grammy/types";
import { limitError } from "./limits.js";

/**
 * An in-process stand-in for the Telegram Bot API, plugged in through the bot's `client.fetch`.
 * It is the seam shared by the tests, the terminal chat and the benchmark: the bot under it is the
 * real one, and only Telegram's servers are replaced. It refuses what Telegram refuses (see limits.ts,
 * and messages that do not exist), with Telegram's answers, so what works here works there.
 */

export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Ukuk",
  username: "ukuk_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export type Payload = Record<string, any>;
export interface ApiCall {
  method: string;
  payload: Payload;
}
export interface ApiFailure {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** A message the bot sent, as the person sees it now (after edits). */
export interface ChatMessage {
  message_id: number;
  chat_id: number;
  text: string;
  reply_markup?: Markup;
  /** A photo's file id: the text is then its caption. */
  photo?: string;
  /** The person's message this one replies to, as Telegram attaches it. */
  reply_to?: { message_id: number; text?: string };
}

const EDITS = new Set(["editMessageText", "editMessageReplyMarkup", "editMessageCaption", "editMessageMedia"]);
const personKey = (chatId: unknown, messageId: unknown) => `${Number(chatId)}:${Number(messageId)}`;

/** Return a failure to make that call fail, or undefined to let it succeed. */
export type FaultInjector = (call: ApiCall) => ApiFailure | undefined | Promise<ApiFailure | undefined>;

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly messages = new Map<number, ChatMessage>();
  /** The person's own messages, by "chat:message" id, with their text: the bot may delete or answer them. */
  private readonly personMessages = new Map<string, string | undefined>();
  private readonly listeners: Array<(call: ApiCall, message?: ChatMessage) => void> = [];
  private nextMessageId = 1;
  fault?: FaultInjector;

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const method = String(input instanceof Request ? input.url : input).split("/").pop() ?? "";
    const payload: Payload = typeof init?.body === "string" ? JSON.parse(init.body) : await multipartPayload(init);
    const call = { method, payload };
    this.calls.push(call);
    const failure = (await this.fault?.(call)) ?? this.refusal(call);
    const body = failure ?? { ok: true, result: this.apply(call) };
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  }) as typeof fetch;

  onCall(listener: (call: ApiCall, message?: ChatMessage) => void): void {
    this.listeners.push(listener);
  }

  /** A message the person sent: it exists for Telegram from now on, so the bot can delete it. */
  userMessage(chatId: number, messageId: number, text?: string): void {
    this.personMessages.set(personKey(chatId, messageId), text);
  }

  /** The bot's messages in one chat, oldest first, as they read now. */
  chat(chatId: number): ChatMessage[] {
    return [...this.messages.values()].filter((message) => message.chat_id === chatId);
  }

  /** The bot's message that a call names, if it is in that chat. */
  private botMessage(payload: Payload): ChatMessage | undefined {
    const message = this.messages.get(Number(payload.message_id));
    return message?.chat_id === Number(payload.chat_id) ? message : undefined;
  }

  private isPersonMessage(payload: Payload): boolean {
    return this.personMessages.has(personKey(payload.chat_id, payload.message_id));
  }

  /** Telegram's answer to a call it refuses, or undefined when it takes the call. */
  private refusal({ method, payload }: ApiCall): ApiFailure | undefined {
    const description = limitError(method, payload) ?? this.missingMessage(method, payload);
    return description === undefined ? undefined : { ok: false, error_code: 400, description };
  }

  private missingMessage(method: string, payload: Payload): string | undefined {
    if (payload.inline_message_id !== undefined) return undefined; // messages sent through inline mode
    const ours = this.botMessage(payload) !== undefined;
    if (EDITS.has(method) && !ours) {
      return this.isPersonMessage(payload) ? "Bad Request: message can't be edited" : "Bad Request: message to edit not found";
    }
    // A text message stays text and a photo stays a photo: neither becomes the other by an edit.
    const edited = this.botMessage(payload);
    if (edited && method === "editMessageText" && edited.photo !== undefined) return "Bad Request: there is no text in the message to edit";
    if (edited && (method === "editMessageMedia" || method === "editMessageCaption") && edited.photo === undefined) {
      return "Bad Request: there is no media in the message to edit";
    }
    if (method === "deleteMessage" && !ours && !this.isPersonMessage(payload)) return "Bad Request: message to delete not found";
    const reply = this.repliedTo(payload);
    if (reply && !this.isPersonMessage({ chat_id: payload.chat_id, message_id: reply }) && !this.botMessage({ chat_id: payload.chat_id, message_id: reply })) {
      return "Bad Request: message to be replied not found";
    }
    return undefined;
  }

  private repliedTo(payload: Payload): number | undefined {
    const reply = payload.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    return reply?.message_id !== undefined && !reply.allow_sending_without_reply ? reply.message_id : undefined;
  }

  /** Deletes a message of either side; an id that is not there is skipped, as deleteMessages does. */
  private forget(chatId: number, messageId: number): void {
    if (this.botMessage({ chat_id: chatId, message_id: messageId })) this.messages.delete(messageId);
    this.personMessages.delete(personKey(chatId, messageId));
  }

  private apply({ method, payload }: ApiCall): unknown {
    const id = Number(payload.message_id);
    let touched: ChatMessage | undefined;
    let result: unknown = true;
    if (method === "getMe") {
      result = FAKE_BOT_INFO;
    } else if (method === "getUpdates") {
      result = [];
    } else if (method.startsWith("send") || method === "copyMessage") {
      touched = {
        message_id: this.nextMessageId++,
        chat_id: Number(payload.chat_id),
        text: String(payload.text ?? payload.caption ?? ""),
        reply_markup: payload.reply_markup,
        ...(method === "sendPhoto" && typeof payload.photo === "string" ? { photo: payload.photo } : {}),
      };
      const reply = this.repliedTo(payload);
      const key = personKey(payload.chat_id, reply);
      if (reply !== undefined && this.personMessages.has(key)) touched.reply_to = { message_id: reply, text: this.personMessages.get(key) };
      this.messages.set(touched.message_id, touched);
      result = this.asMessage(touched);
    } else if (EDITS.has(method)) {
      const existing = this.messages.get(id);
      if (existing) {
        const media = payload.media as Payload | undefined;
        const text = media ? String(media.caption ?? "") : (payload.text ?? payload.caption ?? existing.text);
        touched = { ...existing, text, reply_markup: payload.reply_markup, ...(media ? { photo: String(media.media) } : {}) };
        this.messages.delete(id);
        this.messages.set(id, touched);
        result = this.asMessage(touched);
      }
    } else if (method === "deleteMessage") {
      this.forget(Number(payload.chat_id), id);
    } else if (method === "deleteMessages") {
      for (const each of payload.message_ids as number[]) this.forget(Number(payload.chat_id), each);
    }
    for (const listener of this.listeners) listener({ method, payload }, touched);
    return result;
  }

  private asMessage(message: ChatMessage): Message {
    return {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: message.chat_id, type: "private", first_name: "User" },
      from: FAKE_BOT_INFO,
      ...(message.photo === undefined
        ? { text: message.text }
        : { photo: [{ file_id: message.photo, file_unique_id: message.photo, width: 800, height: 600 }], ...(message.text ? { caption: message.text } : {}) }),
      ...(message.reply_markup && "inline_keyboard" in message.reply_markup ? { reply_markup: message.reply_markup } : {}),
      ...(message.reply_to ? { reply_to_message: personMessage(message.chat_id, message.reply_to) } : {}),
    } as Message;
  }
}

/** A message the person sent, as Telegram shows it inside another (a reply's reply_to_message). */
export function personMessage(chatId: number, { message_id, text }: { message_id: number; text?: string }): Message {
  return {
    message_id,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: "private", first_name: "User" },
    from: { id: chatId, is_bot: false, first_name: "User" },
    ...(text === undefined ? {} : { text }),
    // Telegram marks a leading command in a message, and keeps the mark in a reply's copy of it.
    ...(text?.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] } : {}),
  } as Message;
}

/**
 * A call with a file comes as multipart form data, read to the end as Telegram reads an upload: its fields
 * as in a JSON call (objects are sent as JSON text), and each file as its name and bytes. busboy reads it,
 * as leniently as Telegram does (grammY writes the file name unquoted, which the fetch API's own parser
 * refuses).
 */
async function multipartPayload(init: RequestInit | undefined): Promise<Payload> {
  const payload: Payload = { multipart: true };
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  const parser = busboy({ headers });
  const files: Array<Promise<void>> = [];
  parser.on("field", (key, value) => {
    try {
      payload[key] = JSON.parse(value);
    } catch {
      payload[key] = value;
    }
  });
  parser.on("file", (key, stream, { filename }) => {
    files.push(buffer(stream).then((bytes) => void (payload[key] = { name: filename, bytes })));
  });
  const done = new Promise((resolve, reject) => parser.on("close", resolve).on("error", reject));
  for await (const chunk of init?.body as AsyncIterable<Uint8Array>) parser.write(chunk);
  parser.end();
  await done;
  await Promise.all(files);
  // A file field holds "attach://<part>", naming the part that carries the file.
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === "string" && value.startsWith("attach://")) payload[key] = payload[value.slice("attach://".length)];
  }
  return payload;
}
