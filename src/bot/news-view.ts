import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { Locale } from "../config.js";
import { escapeHtml } from "../html.js";
import type { NewsItem } from "../news/items.js";
import { CALLBACK, homeButton } from "./keyboards.js";
import { localDate } from "./report-view.js";
import type { Screen } from "./screens.js";

/** An item's text, so that with its heading it fits a message (4,096) or, with a photo, a caption (1,024). */
export const NEWS_TEXT_MAX = 3900;
export const NEWS_CAPTION_MAX = 950;

export const newsData = (offset: number) => `news:${offset}`;

/** A news screen: a photo item is its photo, with the text as its caption. */
export interface NewsScreen extends Screen {
  photo?: string;
}

/**
 * The `offset`-th newest item of the reader's language, with its date and place in the feed, its link as a
 * button, «Older» and «Newer», and the way to the subscription and the menu.
 */
export function newsScreen(t: TranslateFunction, item: NewsItem | undefined, locale: Locale, offset: number, total: number): NewsScreen {
  const keyboard = new InlineKeyboard();
  const footer = () => keyboard.row().text(t("news-subscription"), CALLBACK.subscription).add(homeButton(t));
  if (!item?.text[locale]) {
    footer();
    return { text: t("news-empty"), keyboard };
  }
  if (item.link) keyboard.url(t("news-link"), item.link).row();
  if (offset + 1 < total) keyboard.text(t("news-older"), newsData(offset + 1));
  if (offset > 0) keyboard.text(t("news-newer"), newsData(offset - 1));
  footer();
  const text = `${t("news-heading", { date: localDate(item.at), position: offset + 1, total })}\n\n${escapeHtml(item.text[locale])}`;
  return { text, keyboard, ...(item.photo ? { photo: item.photo } : {}) };
}
