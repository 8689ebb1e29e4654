import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { REGIONS, type Region } from "../complaints/model.js";
import type { Subscription } from "../news/subscribers.js";
import { CALLBACK, homeButton } from "./keyboards.js";
import type { Screen } from "./screens.js";

/** The regions a subscriber may give: every one a report may name, but «I don't know» (the same as none). */
export const SUBSCRIPTION_REGIONS = REGIONS.filter((region) => region !== "unknown");
export const NO_REGION = "-";
export const regionData = (region: Region | typeof NO_REGION) => `${CALLBACK.subscriptionRegions}:${region}`;

/**
 * Whether the person receives the organisation's news, in which language and for which region, and the
 * buttons that change it; right after unsubscribing, that it stopped (or that there was nothing to stop).
 */
export function subscriptionScreen(t: TranslateFunction, subscription: Subscription | undefined, stopped?: boolean): Screen {
  if (!subscription) {
    const text = stopped === undefined ? t("subscription-off") : t(stopped ? "subscription-stopped" : "subscription-none");
    return { text, keyboard: new InlineKeyboard().text(t("subscription-start"), CALLBACK.subscribe).row().add(homeButton(t)) };
  }
  const region = subscription.region ? t("subscription-region", { region: t(`report-region-${subscription.region}`) }) : t("subscription-region-none");
  return {
    text: `${t("subscription-on", { language: t(`subscription-language-${subscription.locale}`) })}\n${region}`,
    keyboard: new InlineKeyboard()
      .text(t(subscription.region ? "subscription-region-change" : "subscription-region-choose"), CALLBACK.subscriptionRegions).row()
      .text(t("subscription-stop"), CALLBACK.unsubscribe).row()
      .add(homeButton(t)),
  };
}

/** The regions to choose from, two to a row, and «none». */
export function regionScreen(t: TranslateFunction): Screen {
  const keyboard = new InlineKeyboard();
  SUBSCRIPTION_REGIONS.forEach((region, index) => {
    keyboard.text(t(`report-region-${region}`), regionData(region));
    if (index % 2 === 1) keyboard.row();
  });
  keyboard.row().text(t("subscription-region-clear"), regionData(NO_REGION)).row().text(t("subscription-back"), CALLBACK.subscription);
  return { text: t("subscription-region-ask"), keyboard };
}
