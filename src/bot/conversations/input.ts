import type { Conversation } from "@grammyjs/conversations";
import type { Attachment } from "../../complaints/model.js";
import type { BotContext, ConversationContext } from "../context.js";

/**
 * The next update meant for a form. Commands and other features' buttons pass through to the rest of the
 * bot (so /clear, /help or the rights cards still work mid-draft) while the form keeps waiting.
 * Form buttons carry data starting with "r:".
 */
export async function formUpdate(conversation: Conversation<BotContext, ConversationContext>): Promise<ConversationContext> {
  const update = await conversation.wait();
  const data = update.callbackQuery?.data;
  if (update.message?.text?.startsWith("/") || (data !== undefined && !data.startsWith("r:"))) {
    await conversation.skip({ next: true });
  }
  // Only stops the button spinner; a failure must not end the form.
  if (data !== undefined) await update.answerCallbackQuery().catch(() => undefined);
  return update;
}

export type ReplyOptions = Parameters<ConversationContext["reply"]>[1];

/**
 * Sends a form's messages. A failed Telegram call inside a conversation would end it and lose what the
 * person typed, so a message that cannot be delivered is logged and the form goes on waiting. The
 * returned function says whether the message was delivered.
 */
export function formSay(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, form: string) {
  return async (text: string, other?: ReplyOptions): Promise<boolean> => {
    try {
      await ctx.reply(text, other);
      return true;
    } catch (err) {
      await conversation.external((outer) => outer.logger.warn({ err, form }, "could not deliver a message of a form"));
      return false;
    }
  };
}

/** A photo, document, voice note or video, kept as Telegram's file id; undefined for anything else. */
export function attachmentOf(ctx: ConversationContext): Attachment | undefined {
  const msg = ctx.message;
  const caption = msg?.caption ? { caption: msg.caption } : {};
  if (msg?.photo) return { kind: "photo", fileId: msg.photo.at(-1)!.file_id, ...caption };
  if (msg?.document) return { kind: "document", fileId: msg.document.file_id, ...caption };
  if (msg?.voice) return { kind: "voice", fileId: msg.voice.file_id, ...caption };
  if (msg?.video) return { kind: "video", fileId: msg.video.file_id, ...caption };
  return undefined;
}
