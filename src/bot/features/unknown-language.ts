import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { REPORT } from "../conversations/report.js";
import { guessedLocale, knowsLanguage } from "../i18n.js";
import { ANSWER_QUESTION, languageKeyboard } from "../keyboards.js";
import { guessLanguage } from "../language-guess.js";
import { topicById } from "../../rights/topics.js";
import { sendLanguagePrompt } from "../screens.js";

const composer = new Composer<BotContext>();

/** What the person asked for, to do once they have chosen a language. */
function request(ctx: BotContext): string | undefined {
  const text = ctx.msg?.text;
  if (text === undefined) return undefined;
  const [command, payload = ""] = text.trim().split(/\s+/);
  if (command?.toLowerCase() === "/start") return topicById(payload)?.id ?? (payload === REPORT ? REPORT : undefined);
  if (command?.toLowerCase() === "/report") return REPORT;
  return text.startsWith("/") ? undefined : ANSWER_QUESTION;
}

// A person whose Telegram speaks neither language, and who has not chosen one yet: their first message
// is answered in the language it is written in, with the choice offered; when that cannot be told they
// are asked first, and what they asked for happens once they have chosen.
composer.chatType("private").on("message", async (ctx, next) => {
  if (knowsLanguage(ctx) || guessedLocale(ctx)) return next();
  const text = ctx.msg.text ?? ctx.msg.caption ?? "";
  const guess = text.startsWith("/") ? undefined : guessLanguage(text);
  if (!guess) return sendLanguagePrompt(ctx, request(ctx), ctx.msg.message_id);
  ctx.session.guessedLocale = guess;
  await ctx.i18n.renegotiateLocale();
  await ctx.reply(ctx.t("language-guessed"), { reply_markup: languageKeyboard(ctx.t) });
  return next();
});

export { composer as unknownLanguageFeature };
