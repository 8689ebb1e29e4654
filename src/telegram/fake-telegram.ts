import type { InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, UserFromGetMe } from "grammy/types";

/**
 * An in-process stand-in for the Telegram Bot API, plugged in through the bot's `client.fetch`.
 * It is the seam shared by the tests, the terminal chat and the benchmark: the bot under it is the
 * real one, and only Telegram's servers are replaced.
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

export type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup;

/** A message the bot sent, as the person sees it now (after edits). */
export interface ChatMessage {
  message_id: number;
  chat_id: number;
  text: string;
  reply_markup?: Markup;
}

/** Return a failure to make that call fail, or undefined to let it succeed. */
export type FaultInjector = (call: ApiCall) => ApiFailure | undefined | Promise<ApiFailure | undefined>;

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  private readonly messages = new Map<number, ChatMessage>();
  private readonly listeners: Array<(call: ApiCall, message?: ChatMessage) => void> = [];
  private nextMessageId = 1;
  fault?: FaultInjector;

  readonly fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const method = String(input instanceof Request ? input.url : input).split("/").pop() ?? "";
    const payload: Payload = typeof init?.body === "string" ? JSON.parse(init.body) : { multipart: true };
    const call = { method, payload };
    this.calls.push(call);
    const failure = await this.fault?.(call);
    const body = failure ?? { ok: true, result: this.apply(call) };
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  }) as typeof fetch;

  onCall(listener: (call: ApiCall, message?: ChatMessage) => void): void {
    this.listeners.push(listener);
  }

  /** The bot's messages in one chat, oldest first, as they read now. */
  chat(chatId: number): ChatMessage[] {
    return [...this.messages.values()].filter((message) => message.chat_id === chatId);
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
      };
      this.messages.set(touched.message_id, touched);
      result = this.asMessage(touched);
    } else if (method === "editMessageText" || method === "editMessageReplyMarkup") {
      const existing = this.messages.get(id);
      if (existing) {
        touched = { ...existing, text: payload.text ?? existing.text, reply_markup: payload.reply_markup };
        this.messages.delete(id);
        this.messages.set(id, touched);
        result = this.asMessage(touched);
      }
    } else if (method === "deleteMessage") {
      this.messages.delete(id);
    } else if (method === "deleteMessages") {
      for (const each of payload.message_ids as number[]) this.messages.delete(each);
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
      text: message.text,
      ...(message.reply_markup && "inline_keyboard" in message.reply_markup ? { reply_markup: message.reply_markup } : {}),
    } as Message;
  }
}
