import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { childrenOf, type Topic } from "../rights/topics.js";
import type { BotContext } from "./context.js";
import { escapeHtml } from "../html.js";
import { CALLBACK, homeButton, topicData } from "./keyboards.js";
import { REPORT_CALLBACK } from "./report-view.js";
import { currentLocale, type Screen } from "./screens.js";

/** `$org` is the organisation's name from the profile, in the person's language. */
export function cardText(t: TranslateFunction, topic: Topic, org: string): string {
  const [year, month, day] = topic.reviewed.split("-");
  return [
    `<b>${t(`rights-${topic.id}-title`)}</b>`,
    t(`rights-${topic.id}-body`, { org: escapeHtml(org) }),
    `<b>${t("rights-next")}:</b> ${t(`rights-${topic.id}-next`)}`,
    `<i>${t("rights-reviewed", { date: `${day}.${month}.${year}` })}</i>`,
  ].join("\n\n");
}

export const topicButton = (t: TranslateFunction, topic: Topic) => InlineKeyboard.text(t(`rights-${topic.id}-title`), topicData(topic.id));

export function topicListScreen(t: TranslateFunction): Screen {
  const rows = childrenOf(undefined).map((topic) => [topicButton(t, topic)]);
  return { text: t("rights-list"), keyboard: new InlineKeyboard([...rows, [homeButton(t)]]) };
}

export function cardScreen(t: TranslateFunction, topic: Topic, org: string): Screen {
  const rows = childrenOf(topic.id).map((child) => [topicButton(t, child)]);
  if (topic.startsReport) rows.push([InlineKeyboard.text(t("menu-report"), REPORT_CALLBACK.start)]);
  const back = InlineKeyboard.text(t("rights-back"), topic.parent ? topicData(topic.parent) : CALLBACK.rights);
  return { text: cardText(t, topic, org), keyboard: new InlineKeyboard([...rows, [back, homeButton(t)]]) };
}

export async function cardScreenFor(ctx: BotContext, topic: Topic): Promise<Screen> {
  return cardScreen(ctx.t, topic, ctx.profile.organisation.name[await currentLocale(ctx)]);
}
