import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { childrenOf, topicById, type Topic } from "../rights/topics.js";
import { organisationVariables } from "../profile.js";
import type { BotContext } from "./context.js";
import { CALLBACK, homeButton, topicData } from "./keyboards.js";
import { REPORT_CALLBACK } from "./report-view.js";
import { currentLocale, type Screen } from "./screens.js";

/** Who runs the bot, for the cards that speak about it (see organisationVariables). */
export type OrgVariables = ReturnType<typeof organisationVariables>;

export function cardText(t: TranslateFunction, topic: Topic, org: OrgVariables): string {
  const [year, month, day] = topic.reviewed.split("-");
  return [
    `<b>${t(`rights-${topic.id}-title`)}</b>`,
    t(`rights-${topic.id}-body`, org),
    `<b>${t("rights-next")}:</b> ${t(`rights-${topic.id}-next`)}`,
    `<i>${t("rights-reviewed", { date: `${day}.${month}.${year}` })}</i>`,
  ].join("\n\n");
}

export const topicButton = (t: TranslateFunction, topic: Topic) => InlineKeyboard.text(t(`rights-${topic.id}-title`), topicData(topic.id));

export function topicListScreen(t: TranslateFunction): Screen {
  const rows = childrenOf(undefined).map((topic) => [topicButton(t, topic)]);
  return { text: t("rights-list"), keyboard: new InlineKeyboard([...rows, [homeButton(t)]]) };
}

// A card's "what to do next" points to other cards, the contacts and the form by buttons, never by a
// title the person would have to go and find.
export function cardScreen(t: TranslateFunction, topic: Topic, org: OrgVariables): Screen {
  const linked = [...childrenOf(topic.id), ...(topic.see ?? []).flatMap((id) => topicById(id) ?? [])];
  const rows = linked.map((other) => [topicButton(t, other)]);
  if (topic.contacts) rows.push([InlineKeyboard.text(t("menu-contacts"), CALLBACK.contacts)]);
  if (topic.startsReport) rows.push([InlineKeyboard.text(t("menu-report"), REPORT_CALLBACK.start)]);
  const back = InlineKeyboard.text(t("rights-back"), topic.parent ? topicData(topic.parent) : CALLBACK.rights);
  return { text: cardText(t, topic, org), keyboard: new InlineKeyboard([...rows, [back, homeButton(t)]]) };
}

export const orgVariablesFor = async (ctx: BotContext) => organisationVariables(ctx.profile.organisation?.name, await currentLocale(ctx));

export async function cardScreenFor(ctx: BotContext, topic: Topic): Promise<Screen> {
  return cardScreen(ctx.t, topic, await orgVariablesFor(ctx));
}
