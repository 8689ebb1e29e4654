import type { Context } from "grammy";

const CODE_IN_TEXT = /[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}/;

/**
 * A prompt the person answers by replying to it (Telegram's force_reply): the answer is tied to the case
 * named in the prompt, so nothing about the question needs to be stored. The mark tells each kind of
 * prompt apart from anything else the bot sent.
 */
function replyPrompt(mark: string) {
  const codeOf = (prompt: string | undefined) => (prompt?.startsWith(mark) ? CODE_IN_TEXT.exec(prompt)?.[0] : undefined);
  return {
    text: (body: string) => `${mark} ${body}`,
    /** The case of the prompt this message answers; undefined when it answers none of the bot's prompts of this kind. */
    answered: (ctx: Context) => {
      const prompt = ctx.message?.reply_to_message;
      return prompt?.from?.id === ctx.me.id ? codeOf(prompt.text) : undefined;
    },
    /** Telegram opens the reply field under the prompt, with a hint in it. */
    options: (placeholder: string) => ({ reply_markup: { force_reply: true as const, input_field_placeholder: placeholder } }),
  };
}

/** A caseworker's internal note. */
export const NOTE_PROMPT = replyPrompt("📝");
/** A caseworker's reply to the reporter. */
export const REPLY_PROMPT = replyPrompt("💬");
/** The reporter's answer to the organisation. */
export const ANSWER_PROMPT = replyPrompt("↩️");
