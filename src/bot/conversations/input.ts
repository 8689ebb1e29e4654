import type { Conversation } from "@grammyjs/conversations";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { Attachment } from "../../complaints/model.js";
import type { Locale } from "../../config.js";
import type { BotContext, ConversationContext } from "../context.js";
import { InlineKeyboard } from "grammy";
import { isEditor } from "../filters.js";
import { CALLBACK } from "../keyboards.js";
import { cancelButton, FORM } from "../report-view.js";
import { chooseLanguage, HTML } from "../screens.js";

export type ReplyOptions = Parameters<ConversationContext["reply"]>[1];

/** A message of a form: its text and its options (buttons, parse mode). */
export interface FormMessage {
  text: string;
  other?: ReplyOptions;
}

type Question = () => FormMessage | FormMessage[] | Promise<FormMessage | FormMessage[]>;

/**
 * How a form talks with the person: `ask` puts a question, `next` waits for the answer, `say` sends
 * anything else, and `t` speaks the person's language.
 *
 * The form is replayed from the start on every update, so the language is never read once and kept: `t`
 * speaks the language of the latest update (each context is given the person's language as it was when
 * the update came, see conversations.ts). A language chosen while the form waits therefore holds for all
 * that follows, and what was sent before stays as it was: replay does not send it again.
 */
export function formChat(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, form: string) {
  let latest = ctx;
  let question: Question = () => [];
  const t: TranslateFunction = (key, variables) => latest.t(key, variables);

  // A failed Telegram call inside a conversation would end it and lose what the person typed, so a message
  // that cannot be delivered is logged and the form goes on waiting. Says whether it was delivered.
  async function say(text: string, other?: ReplyOptions): Promise<boolean> {
    try {
      await ctx.reply(text, other);
      return true;
    } catch (err) {
      await conversation.external((outer) => outer.logger.warn({ err, form }, "could not deliver a message of a form"));
      return false;
    }
  }

  /** Asks a question, remembered so that it can be asked again in another language. */
  async function ask(next: Question) {
    question = next;
    for (const message of [await next()].flat()) await say(message.text, message.other);
  }

  /**
   * The next update meant for the form. Commands and other features' buttons pass through to the rest of
   * the bot (so /clear, /help or the rights cards still work mid-draft) while the form keeps waiting. Form
   * buttons carry data starting with "r:". A language chosen from /language is taken here: the question
   * is asked again in that language, and the form goes on waiting for its answer.
   */
  async function next(): Promise<ConversationContext> {
    const update = await conversation.wait();
    const data = update.callbackQuery?.data;
    const language = data === undefined ? null : CALLBACK.chooseLanguage.exec(data);
    if (language && language[2] === undefined) {
      const locale = language[1] as Locale;
      await conversation.external((outer) =>
        chooseLanguage(outer, locale).catch((err: unknown) => outer.logger.warn({ err, form }, "could not confirm a language change in a form")),
      );
      update.i18n.useLocale(locale);
      latest = update;
      await ask(question);
      return conversation.skip();
    }
    if (data === FORM.again) {
      await update.answerCallbackQuery().catch(() => undefined);
      latest = update;
      await ask(question);
      return conversation.skip();
    }
    if (update.message?.text?.startsWith("/") || (data !== undefined && !data.startsWith("r:"))) {
      await conversation.skip({ next: true });
    }
    // Only stops the button spinner; a failure must not end the form.
    if (data !== undefined) await update.answerCallbackQuery().catch(() => undefined);
    latest = update;
    return update;
  }

  return { t, say, ask, next };
}

export type FormChat = ReturnType<typeof formChat>;

/**
 * An editor's form (publishing, editing news): formChat, a hint that is said and forgotten (the form waits
 * again where it was), and `answer`, which reads the role again on every answer, so someone whose role was
 * taken away mid-way gets no further.
 */
export function editorFormChat(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, form: string) {
  const chat = formChat(conversation, ctx, form);
  const { t, say, next } = chat;
  const hint = async (key: string, vars?: Record<string, string | number>, keyboard: InlineKeyboard = new InlineKeyboard().add(cancelButton(t))): Promise<never> => {
    await say(t(key, vars), { ...HTML, reply_markup: keyboard });
    return conversation.skip();
  };
  async function answer() {
    const update = await next();
    if (!(await conversation.external((outer) => isEditor(outer)))) {
      await say(t("publish-not-allowed"));
      await conversation.halt();
    }
    return update;
  }
  return { ...chat, hint, answer };
}

/** A photo, document, voice note, video or video note, kept as Telegram's file id; undefined for anything else. */
export function attachmentOf(ctx: ConversationContext): Attachment | undefined {
  const msg = ctx.message;
  const caption = msg?.caption ? { caption: msg.caption } : {};
  if (msg?.photo) return { kind: "photo", fileId: msg.photo.at(-1)!.file_id, ...caption };
  if (msg?.document) return { kind: "document", fileId: msg.document.file_id, ...caption };
  if (msg?.voice) return { kind: "voice", fileId: msg.voice.file_id, ...caption };
  if (msg?.video) return { kind: "video", fileId: msg.video.file_id, ...caption };
  if (msg?.video_note) return { kind: "video_note", fileId: msg.video_note.file_id };
  return undefined;
}
