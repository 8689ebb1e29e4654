import type { Context, NextFunction } from "grammy";
import type { SessionData } from "./context.js";

const CODE_IN_TEXT = /[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}/;
/** A text typed within this time of a prompt, without Telegram's «reply», still answers it. */
const PROMPT_FRESH_MS = 30 * 60_000;

type PromptContext = Context & { session: SessionData };

/** Typed by the person: not forwarded from someone else, not sent through an inline bot, not a command. */
const ownText = (ctx: Context) => {
  const message = ctx.message;
  return message?.text !== undefined && !message.forward_origin && !message.via_bot && !message.text.startsWith("/");
};

/**
 * A prompt the person answers by replying to it (Telegram's force_reply): the answer is tied to the case
 * named in the prompt, so a reply to an older prompt still goes to its own case. The mark tells each kind of
 * prompt apart from anything else the bot sent. People often just type instead of replying, so the latest
 * prompt is also kept in the session: with `typed`, a text of their own typed soon after it answers it; any
 * other button or command in between forgets it (see forgetPrompt).
 */
function replyPrompt(mark: string, kind: string, typed: boolean) {
  const codeOf = (prompt: string | undefined) => (prompt?.startsWith(mark) ? CODE_IN_TEXT.exec(prompt)?.[0] : undefined);
  // Only until when it may be answered, to the minute: the session keeps no exact time of anyone's action.
  const pending = (ctx: PromptContext) => {
    const latest = ctx.session.prompt;
    return latest?.kind === kind && Date.now() <= latest.until ? latest.code : undefined;
  };
  return {
    /** The prompt's text, and Telegram's reply field opened under it with a hint in it; remembered as the latest. */
    send(ctx: PromptContext, code: string, body: string, placeholder: string) {
      ctx.session.prompt = { kind, code, until: Math.ceil((Date.now() + PROMPT_FRESH_MS) / 60_000) * 60_000 };
      return ctx.reply(`${mark} ${body}`, { reply_markup: { force_reply: true, input_field_placeholder: placeholder } });
    },
    text: (body: string) => `${mark} ${body}`,
    /** The case this message answers a prompt of this kind for; undefined when it answers none. */
    answered(ctx: PromptContext): string | undefined {
      const replied = ctx.message?.reply_to_message;
      if (replied) return replied.from?.id === ctx.me.id ? codeOf(replied.text) : undefined;
      return typed && ownText(ctx) ? pending(ctx) : undefined;
    },
    /** A text of the person's own typed, not replied, while a prompt that must be replied to waits. */
    typedInstead: (ctx: PromptContext) => !typed && ctx.message?.reply_to_message === undefined && ownText(ctx) && pending(ctx) !== undefined,
    /** The prompt is answered: a later text is an ordinary message again. */
    done(ctx: PromptContext) {
      if (ctx.session.prompt?.kind === kind) delete ctx.session.prompt;
    },
  };
}

/** A caseworker's internal note. */
export const NOTE_PROMPT = replyPrompt("📝", "note", true);
/**
 * A caseworker's reply to the reporter. It leaves the organisation, so it is taken only as a Telegram reply
 * to its prompt: a text typed instead gets a hint, never goes out by mistake.
 */
export const REPLY_PROMPT = replyPrompt("💬", "reply", false);
/** The reporter's answer to the organisation. */
export const ANSWER_PROMPT = replyPrompt("↩️", "answer", true);

/** Any button or command means the person has moved on: a text typed after it is not an answer. */
export function forgetPrompt(ctx: PromptContext, next: NextFunction) {
  if (ctx.from === undefined) return next(); // no person, no session
  if (ctx.session.prompt && (ctx.callbackQuery || ctx.message?.text?.startsWith("/"))) delete ctx.session.prompt;
  return next();
}
