import { InlineKeyboard, InlineQueryResultBuilder } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { Composer } from "../composer.js";
import { LOCALES, type Locale } from "../../config.js";
import { stripTags } from "../../html.js";
import { organisationVariables } from "../../profile.js";
import { childrenOf } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { knownLocale } from "../i18n.js";
import { guessLanguage } from "../language-guess.js";
import { cardText } from "../rights-view.js";
import { currentLocale } from "../screens.js";

const composer = new Composer<BotContext>();

const DESCRIPTION_LENGTH = 120;
const plain = (html: string) => stripTags(html).replace(/\s+/g, " ").trim();

/**
 * The languages to answer in: the person's, when the bot knows it; otherwise the one the query is written
 * in, as for a first message; otherwise both, so the person can pick.
 */
async function answerLocales(ctx: BotContext, query: string): Promise<Locale[]> {
  if (knownLocale(ctx)) return [await currentLocale(ctx)];
  const guess = guessLanguage(query);
  return guess ? [guess] : [...LOCALES];
}

// "@bot адвокат" in any chat offers rights cards to send there. An empty query offers the top-level topics.
composer.on("inline_query", async (ctx) => {
  const query = ctx.inlineQuery.query.trim();
  const topics = query ? ctx.rightsSearch.search(query) : childrenOf(undefined);
  const locales = await answerLocales(ctx, query);
  const results = locales.flatMap((locale) => {
    const t = ((key: string, variables?: Record<string, string>) => ctx.i18n.fluent.translate(locale, key, variables)) as TranslateFunction;
    const org = organisationVariables(ctx.profile.organisation?.name, locale);
    return topics.map((topic) => {
      const open = new InlineKeyboard().url(t("rights-open-in-bot"), `https://t.me/${ctx.me.username}?start=${topic.id}`);
      const body = plain(t(`rights-${topic.id}-body`, org));
      const id = locales.length > 1 ? `${topic.id}:${locale}` : topic.id;
      return InlineQueryResultBuilder.article(id, t(`rights-${topic.id}-title`), {
        description: body.length > DESCRIPTION_LENGTH ? `${body.slice(0, DESCRIPTION_LENGTH - 1)}…` : body,
        reply_markup: open,
      }).text(cardText(t, topic, org), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    });
  });
  await ctx.answerInlineQuery(results, {
    cache_time: 300,
    // Results depend on who asks: their language.
    is_personal: true,
    ...(results.length === 0 ? { button: { text: ctx.t("inline-nothing"), start_parameter: "inline" } } : {}),
  });
});

export { composer as inlineFeature };
