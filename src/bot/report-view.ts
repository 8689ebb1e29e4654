import { InlineKeyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import { bishkekIso } from "../complaints/bishkek-time.js";
import { consentParts, type Case, type Contact, type Draft } from "../complaints/model.js";
import { escapeHtml } from "../html.js";
import { splitMessage, type Block } from "./split.js";

/** Callback data of the report form's buttons. Everything starting with "r:" belongs to the form. */
export const FORM = {
  agree: "r:agree",
  back: "r:back",
  skip: "r:skip",
  next: "r:next",
  done: "r:done",
  send: "r:send",
  rewrite: "r:rewrite",
  /** Asks the form's current question again (it may be far up the chat). */
  again: "r:again",
  /** «Back» confirmed, when it drops what was written on the step. */
  backSure: "r:back-sure",
  stay: "r:stay",
  value: (value: string) => `r:v:${value}`,
  edit: (part: string) => `r:edit:${part}`,
} as const;

/** Handled outside the form, so they work on any step and even when a button is stale. */
export const REPORT_CALLBACK = {
  start: "report",
  cancel: "report:cancel",
  drop: "report:drop",
  keep: "report:keep",
  mine: "mine",
  check: "check",
  withdrawAsk: /^mine:withdraw:([A-Z0-9-]+)$/,
  withdrawYes: /^mine:withdraw-yes:([A-Z0-9-]+)$/,
  open: /^case:open:([A-Z0-9-]+)$/,
} as const;

/** The data of buttons about one case, matched by the patterns above. */
export const CASE_DATA = {
  withdrawAsk: (code: string) => `mine:withdraw:${code}`,
  withdrawYes: (code: string) => `mine:withdraw-yes:${code}`,
  open: (code: string) => `case:open:${code}`,
} as const;

export const cancelButton = (t: TranslateFunction) => InlineKeyboard.text(t("report-cancel"), REPORT_CALLBACK.cancel);
export const backButton = (t: TranslateFunction) => InlineKeyboard.text(t("rights-back"), FORM.back);

export function dropKeyboard(t: TranslateFunction): InlineKeyboard {
  return new InlineKeyboard().text(t("report-drop"), REPORT_CALLBACK.drop).row().text(t("report-keep"), REPORT_CALLBACK.keep);
}

/** Choices one per row, then «Back» and «Cancel». */
export function choiceKeyboard(t: TranslateFunction, field: string, values: readonly string[]): InlineKeyboard {
  const rows = values.map((value) => [InlineKeyboard.text(t(`report-${field}-${value}`), FORM.value(value))]);
  return new InlineKeyboard([...rows, [backButton(t), cancelButton(t)]]);
}

/** The Bishkek date, written the way people there write it: 30.11.2026. */
export function localDate(ms: number): string {
  const iso = bishkekIso(ms);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Bishkek date and time: 30.11.2026 19:40. */
export const localTime = (ms: number) => `${localDate(ms)} ${localClock(ms)}`;

/** Only the Bishkek clock time, like 19:40. */
export const localClock = (ms: number) => bishkekIso(ms).slice(11, 16);

function contactLine(t: TranslateFunction, contact: Contact, notify: boolean | undefined): string {
  if (contact.kind === "phone") return `${t("report-contact-phone")}: ${escapeHtml(contact.phone)}`;
  if (contact.kind === "chat" && notify) return `${t("report-contact-chat")}, ${t("report-notify-summary")}`;
  return t(`report-contact-${contact.kind}`);
}

/**
 * Everything the person entered, each part with its label; short texts they typed are escaped here. For
 * staff, who read it days later, `sentAt` turns «today» and «yesterday» into the dates they meant.
 */
export function draftLines(t: TranslateFunction, draft: Draft, sentAt?: number): Block[] {
  const day = draft.when === "today" ? 0 : draft.when === "yesterday" ? 1 : undefined;
  const date = sentAt !== undefined && day !== undefined ? ` (${localDate(sentAt - day * 24 * 3_600_000)})` : "";
  const value = (field: string, v: string | undefined) => (v ? t(`report-${field}-${v}`) : "—");
  const recordings = draft.recordings?.length ?? 0;
  return [
    `<b>${t("report-part-who")}:</b> ${value("reporter", draft.reporter)}`,
    `<b>${t("report-part-place")}:</b> ${value("place", draft.placeType)}, ${value("region", draft.region)}${draft.placeName ? `, ${escapeHtml(draft.placeName)}` : ""}`,
    `<b>${t("report-part-when")}:</b> ${value("when", draft.when)}${date}${draft.whenText ? `, ${escapeHtml(draft.whenText)}` : ""}`,
    `<b>${t("report-part-what")}:</b>`,
    ...(recordings > 0 ? [t("report-recordings", { count: recordings })] : []),
    ...(draft.narrative || recordings === 0 ? [{ typed: draft.narrative || "—" }] : []),
    `<b>${t("report-part-urgency")}:</b> ${draft.urgent === undefined ? "—" : t(draft.urgent ? "report-urgency-yes" : "report-urgency-no")}`,
    `<b>${t("report-part-evidence")}:</b> ${t("report-attachments-count", { count: draft.attachments.length })}`,
    `<b>${t("report-part-contact")}:</b> ${draft.contact ? contactLine(t, draft.contact, draft.notify) : "—"}`,
  ];
}

export const SUMMARY_PARTS = ["who", "place", "when", "what", "urgency", "evidence", "contact"] as const;
export type SummaryPart = (typeof SUMMARY_PARTS)[number];

/** The summary before «Send», in as many messages as it takes; the keyboard goes under the last one. */
export function summaryMessages(t: TranslateFunction, draft: Draft): string[] {
  return splitMessage([`<b>${t("report-summary")}</b>`, "", ...draftLines(t, draft)]);
}

export function summaryKeyboard(t: TranslateFunction): InlineKeyboard {
  const edits = SUMMARY_PARTS.map((part) => InlineKeyboard.text(`✏️ ${t(`report-part-${part}`)}`, FORM.edit(part)));
  const rows = [edits.slice(0, 2), edits.slice(2, 4), edits.slice(4, 6), edits.slice(6)];
  return new InlineKeyboard([...rows, [InlineKeyboard.text(t("report-send"), FORM.send)], [cancelButton(t)]]);
}

const urgentFirst = (t: TranslateFunction, urgent: boolean) => (urgent ? [`<b>${t("staff-alert-urgent")}</b>`] : []);

/** For the staff group: no narrative, no names, no contacts. An urgent case says so first. */
export function staffAlert(t: TranslateFunction, stored: Pick<Case, "code" | "placeType" | "region" | "urgent" | "createdAt">) {
  const text = [
    ...urgentFirst(t, stored.urgent),
    `${t("staff-alert-new")} <code>${stored.code}</code>`,
    `${t("report-part-place")}: ${t(`report-place-${stored.placeType}`)}`,
    `${t("report-region")}: ${t(`report-region-${stored.region}`)}`,
    `${t("staff-alert-time")}: ${localTime(stored.createdAt)}`,
  ].join("\n");
  return { text, keyboard: new InlineKeyboard().text(t("staff-alert-open"), CASE_DATA.open(stored.code)) };
}

/**
 * The whole case, for a caseworker in a private chat, in as many messages as it takes. For a referral to
 * another body, the way to reach the reporter is left out unless they said yes to sharing it.
 */
function consentLine(t: TranslateFunction, stored: Case): string {
  const time = localTime(stored.consentAt);
  const { text: version, retentionDays: days } = consentParts(stored.consentVersion);
  return days === undefined ? t("case-consent", { version, time }) : t("case-consent-kept", { version, days, time });
}

export function caseMessages(t: TranslateFunction, stored: Case, purpose: "view" | "referral" = "view"): string[] {
  const head = [
    ...urgentFirst(t, stored.urgent),
    `<b>${t(purpose === "referral" ? "case-referral-title" : "case-title", { code: stored.code })}</b>`,
    `${t("case-status")}: ${t(`case-status-${stored.status}`)}`,
    `${t("staff-alert-time")}: ${localTime(stored.createdAt)}`,
    consentLine(t, stored),
    t("case-share-consent", { state: stored.shareConsent ?? "none" }),
  ];
  const secret = stored.secret;
  if (!secret) return splitMessage([...head, "", t(stored.purgedAt === undefined ? "case-withdrawn-content" : "case-purged-content")]);
  const withheld = purpose === "referral" && stored.shareConsent !== "yes" && secret.contact.kind !== "anonymous";
  const draft: Draft = { ...secret, placeType: stored.placeType, region: stored.region, urgent: stored.urgent, ...(withheld ? { contact: undefined } : {}) };
  const additions = stored.additions.flatMap((addition): Block[] => [
    "",
    `<b>${t("case-addition", { time: localTime(addition.at) })}</b>`,
    { typed: addition.text ?? "" },
    ...(addition.attachments.length ? [t("report-attachments-count", { count: addition.attachments.length })] : []),
  ]);
  const lines = draftLines(t, draft, stored.createdAt);
  if (withheld) lines.splice(-1, 1, `<b>${t("report-part-contact")}:</b> ${t("case-contact-withheld")}`);
  return splitMessage([...head, "", ...lines, ...additions]);
}

/** Under a reminder that a form is waiting: the form asks its question again. */
export const askAgainKeyboard = (t: TranslateFunction) => new InlineKeyboard().text(t("report-ask-again"), FORM.again);
