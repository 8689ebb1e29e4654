import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { Subscription } from "../news/subscribers.js";
import { CALLBACK, homeButton } from "./keyboards.js";
import type { Screen } from "./screens.js";

/**
 * Whether the person receives the organisation's news, in which language, and the button that changes it;
 * right after unsubscribing, that it stopped (or that there was nothing to stop).
 */
export function subscriptionScreen(t: TranslateFunction, subscription: Subscription | undefined, stopped?: boolean): Screen {
  const off = stopped === undefined ? t("subscription-off") : t(stopped ? "subscription-stopped" : "subscription-none");
  const text = subscription ? t("subscription-on", { language: t(`subscription-language-${subscription.locale}`) }) : off;
  const toggle = subscription ? InlineKeyboard.text(t("subscription-stop"), CALLBACK.unsubscribe) : InlineKeyboard.text(t("subscription-start"), CALLBACK.subscribe);
  return { text, keyboard: new InlineKeyboard([[toggle], [homeButton(t)]]) };
}
