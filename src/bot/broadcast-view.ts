import { InlineKeyboard } from "grammy";
import type { Locale } from "../config.js";
import { escapeHtml } from "../html.js";
import type { Broadcast, BroadcastContent } from "../news/broadcasts.js";
import { CALLBACK } from "./keyboards.js";
import type { Screen } from "./screens.js";

type T = (key: string, variables?: Record<string, string | number>) => string;

export type BroadcastAction = "pause" | "resume" | "cancel" | "cancel-yes" | "approve" | "reject" | "view";
export const broadcastData = (action: BroadcastAction, id: number) => `bc:${action}:${id}`;

/** What a subscriber is sent: the text of their language, the link as a button, and a one-tap unsubscribe. */
export function deliveryMessage(t: T, content: Pick<BroadcastContent, "text" | "link">, locale: Locale): Screen | undefined {
  const text = content.text[locale];
  if (!text) return undefined;
  const keyboard = new InlineKeyboard();
  if (content.link) keyboard.url(t("news-link"), content.link).row();
  keyboard.text(t("broadcast-unsubscribe"), CALLBACK.stopNews);
  // Said who it is from: an unexplained message from this bot could alarm someone.
  return { text: `${t("broadcast-heading")}\n\n${escapeHtml(text)}`, keyboard };
}

/** Whether sending began: one cancelled before has no counts of its own, and its audience is counted as it is now. */
const hasStarted = (broadcast: Broadcast) => broadcast.last > 0 || broadcast.state === "sending" || broadcast.state === "paused" || broadcast.state === "done";

const remaining = (broadcast: Broadcast) => Math.max(0, broadcast.total - broadcast.sent - broadcast.failed - broadcast.blocked);

/** The author's one status message: counts so far, and the buttons that fit the state. */
export function statusView(t: T, broadcast: Broadcast): Screen {
  const keyboard = new InlineKeyboard();
  if (broadcast.state === "sending") keyboard.text(t("broadcast-pause"), broadcastData("pause", broadcast.id));
  if (broadcast.state === "paused") keyboard.text(t("broadcast-resume"), broadcastData("resume", broadcast.id));
  if (["awaiting", "scheduled", "sending", "paused"].includes(broadcast.state)) keyboard.text(t("broadcast-cancel"), broadcastData("cancel", broadcast.id));
  const text = t("broadcast-status", {
    id: broadcast.id,
    state: t(`broadcast-state-${broadcast.state}`),
    sent: broadcast.sent,
    failed: broadcast.failed,
    blocked: broadcast.blocked,
    remaining: broadcast.state === "done" ? 0 : remaining(broadcast),
    total: broadcast.total,
  });
  return { text, keyboard };
}

/** The author's report once sending ended: what was sent, and to how many it could not be. */
export function reportText(t: T, broadcast: Broadcast): string {
  return t(broadcast.state === "done" ? "broadcast-report-done" : "broadcast-report-cancelled", {
    id: broadcast.id,
    sent: broadcast.sent,
    failed: broadcast.failed,
    blocked: broadcast.blocked,
    unsent: remaining(broadcast),
  });
}

const PREVIEW_MAX = 600;
const clip = (text: string) => (text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX)}…` : text);

/** Who a broadcast goes to, in words: a language or all, a region or all. */
export function audienceText(t: T, audience: Broadcast["audience"]): string {
  const language = audience.locale ? t(`publish-language-${audience.locale}`) : t("broadcast-all-languages");
  const region = audience.region ? t(`report-region-${audience.region}`) : t("broadcast-all-regions");
  return `${language}, ${region}`;
}

/**
 * A broadcast as staff see it: its state, audience, time and texts, and what the viewer may do now; the
 * author cannot approve their own.
 */
export function broadcastPanel(t: T, broadcast: Broadcast, viewer: number, recipients: number, when: string): Screen {
  const started = hasStarted(broadcast);
  const lines = [
    t("broadcast-panel", {
      id: broadcast.id,
      state: t(`broadcast-state-${broadcast.state}`),
      audience: audienceText(t, broadcast.audience),
      count: started ? broadcast.total : recipients,
      time: when,
    }),
  ];
  if (started) lines.push(statusView(t, broadcast).text.split("\n").slice(1).join("\n"));
  for (const [locale, text] of Object.entries(broadcast.text)) lines.push("", `<b>${t(`publish-language-${locale}`)}:</b>`, escapeHtml(clip(text)));
  if (broadcast.state === "awaiting" && broadcast.author === viewer) lines.push("", t("broadcast-own-awaiting"));
  const keyboard = new InlineKeyboard();
  if (broadcast.state === "awaiting" && broadcast.author !== viewer) {
    keyboard.text(t("broadcast-approve"), broadcastData("approve", broadcast.id)).text(t("broadcast-reject"), broadcastData("reject", broadcast.id)).row();
  }
  for (const button of statusView(t, broadcast).keyboard.inline_keyboard.flat()) keyboard.add(button);
  keyboard.row().text(t("broadcast-list"), CALLBACK.broadcasts);
  return { text: lines.join("\n"), keyboard };
}

/** The newest broadcasts, one button each. */
export function broadcastList(t: T, broadcasts: Broadcast[]): Screen {
  const keyboard = new InlineKeyboard();
  for (const broadcast of broadcasts) {
    const variables = { id: broadcast.id, state: t(`broadcast-state-${broadcast.state}`), sent: broadcast.sent };
    keyboard.text(t(hasStarted(broadcast) ? "broadcast-list-item" : "broadcast-list-item-waiting", variables), broadcastData("view", broadcast.id)).row();
  }
  return { text: t(broadcasts.length ? "broadcast-list-heading" : "broadcast-list-empty"), keyboard };
}
