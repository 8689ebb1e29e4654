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
