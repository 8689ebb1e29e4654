import type { Context } from "grammy";
import type { SessionData } from "./context.js";

const CODE_IN_TEXT = /[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}/;
/** A text typed within this time of a prompt, without Telegram's «reply», still answers it. */
const PROMPT_FRESH_MS = 30 * 60_000;

type PromptContext = Context & { session: SessionData };

/**
 * A prompt the person answers by replying to it (Telegram's force_reply): the answer is tied to the case
 * named in the prompt, so a reply to an older prompt still goes to its own case. The mark tells each kind of
 * prompt apart from anything else the bot sent. People often just type instead of replying, so the latest
 * prompt is also kept in the session, and a plain text typed soon after it (not a command) answers it.
 */
function replyPrompt(mark: string, kind: string) {
  const codeOf = (prompt: string | undefined) => (prompt?.startsWith(mark) ? CODE_IN_TEXT.exec(prompt)?.[0] : undefined);
  return {
    /** The prompt's text, and Telegram's reply field opened under it with a hint in it; remembered as the latest. */
    send(ctx: PromptContext, code: string, body: string, placeholder: string) {
      ctx.session.prompt = { kind, code, at: Date.now() };
      return ctx.reply(`${mark} ${body}`, { reply_markup: { force_reply: true, input_field_placeholder: placeholder } });
    },
    text: (body: string) => `${mark} ${body}`,
    /** The case this message answers a prompt of this kind for; undefined when it answers none. */
    answered(ctx: PromptContext): string | undefined {
      const replied = ctx.message?.reply_to_message;
      if (replied) return replied.from?.id === ctx.me.id ? codeOf(replied.text) : undefined;
      const latest = ctx.session.prompt;
      const typed = ctx.message?.text;
      if (!latest || latest.kind !== kind || typed === undefined || typed.startsWith("/")) return undefined;
      return Date.now() - latest.at <= PROMPT_FRESH_MS ? latest.code : undefined;
    },
    /** The prompt is answered: a later text is an ordinary message again. */
    done(ctx: PromptContext) {
      if (ctx.session.prompt?.kind === kind) delete ctx.session.prompt;
    },
  };
}

/** A caseworker's internal note. */
export const NOTE_PROMPT = replyPrompt("📝", "note");
/** A caseworker's reply to the reporter. */
export const REPLY_PROMPT = replyPrompt("💬", "reply");
/** The reporter's answer to the organisation. */
export const ANSWER_PROMPT = replyPrompt("↩️", "answer");
