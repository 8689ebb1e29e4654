import { InlineKeyboard, InlineQueryResultBuilder } from "grammy";
import { Composer } from "../composer.js";
import { stripTags } from "../../html.js";
import { childrenOf } from "../../rights/topics.js";
import type { BotContext } from "../context.js";
import { cardText } from "../rights-view.js";
import { currentLocale } from "../screens.js";

const composer = new Composer<BotContext>();

const DESCRIPTION_LENGTH = 120;
const plain = (html: string) => stripTags(html).replace(/\s+/g, " ").trim();

// "@bot адвокат" in any chat offers rights cards to send there, in the language of the person typing.
// An empty query offers the top-level topics.
composer.on("inline_query", async (ctx) => {
  const query = ctx.inlineQuery.query.trim();
  const topics = query ? ctx.rightsSearch.search(query) : childrenOf(undefined);
  const org = ctx.profile.organisation.name[await currentLocale(ctx)];
  const results = topics.map((topic) => {
    const open = new InlineKeyboard().url(ctx.t("rights-open-in-bot"), `https://t.me/${ctx.me.username}?start=${topic.id}`);
    const body = plain(ctx.t(`rights-${topic.id}-body`, { org }));
    return InlineQueryResultBuilder.article(topic.id, ctx.t(`rights-${topic.id}-title`), {
      description: body.length > DESCRIPTION_LENGTH ? `${body.slice(0, DESCRIPTION_LENGTH - 1)}…` : body,
      reply_markup: open,
    }).text(cardText(ctx.t, topic, org), { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  });
  await ctx.answerInlineQuery(results, {
    cache_time: 300,
    // Results depend on who asks: their language.
    is_personal: true,
    ...(results.length === 0 ? { button: { text: ctx.t("inline-nothing"), start_parameter: "inline" } } : {}),
  });
});

export { composer as inlineFeature };
