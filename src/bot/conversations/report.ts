import { randomUUID } from "node:crypto";
import { InlineKeyboard, Keyboard } from "grammy";
import type { TranslateFunction } from "@grammyjs/i18n";
import type { Locale } from "../../config.js";
import { escapeHtml } from "../../html.js";
import type { Conversation } from "@grammyjs/conversations";
import { newCaseCode, newPin } from "../../complaints/codes.js";
import {
  CONTACTS, MAX_ATTACHMENTS, NARRATIVE_MAX, NARRATIVE_MIN, PLACE_TYPES, REGIONS, REPORTERS, WHEN,
  isComplete, type Draft,
} from "../../complaints/model.js";
import type { SubmitResult } from "../../complaints/store.js";
import type { BotContext, ConversationContext } from "../context.js";
import { homeButton } from "../keyboards.js";
import { sensitive } from "../protect.js";
import { attachmentOf, formUpdate } from "./input.js";
import {
  FORM, backButton, cancelButton, choiceKeyboard, draftLines, dropKeyboard, staffAlert, summaryKeyboard, type SummaryPart,
} from "../report-view.js";

export const REPORT = "report";
/** Shown to the person before they start, and stored with the case. Change it whenever report-consent changes. */
export const CONSENT_VERSION = "2026-11-25";

const SHORT_TEXT_MAX = 200;

type Step = "reporter" | "placeType" | "region" | "placeName" | "when" | "whenText" | "narrative" | "urgency" | "evidence" | "contact";
const ALL_STEPS: Step[] = ["reporter", "placeType", "region", "placeName", "when", "whenText", "narrative", "urgency", "evidence", "contact"];
const PART_STEPS: Record<SummaryPart, Step[]> = {
  who: ["reporter"],
  place: ["placeType", "region", "placeName"],
  when: ["when", "whenText"],
  what: ["narrative"],
  urgency: ["urgency"],
  evidence: ["evidence"],
  contact: ["contact"],
};

type ReportConversation = Conversation<BotContext, ConversationContext>;

/** The questions answered with one button: the Fluent field name and the allowed values. */
const CHOICES = {
  reporter: ["reporter", REPORTERS],
  placeType: ["place", PLACE_TYPES],
  region: ["region", REGIONS],
  when: ["when", WHEN],
} as const;

/** +996 555 123 456, 0555 123 456 or any international number; undefined when it is not a phone number. */
export function normalizePhone(input: string): string | undefined {
  const digits = input.replace(/[\s()-]/g, "");
  if (/^0\d{9}$/.test(digits)) return `+996${digits.slice(1)}`;
  if (/^\+?996\d{9}$/.test(digits)) return `+${digits.replace(/^\+/, "")}`;
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  return undefined;
}

/**
 * The complaint form. It is replayed from the start on every update (conversations v2), so everything that
 * differs between runs (time, randomness, Redis, the outside context) goes through conversation.external.
 */
export async function reportConversation(conversation: ReportConversation, ctx: ConversationContext) {
  const t = ctx.t.bind(ctx);
  const setup = await conversation.external((outer) => ({
    draftId: randomUUID(),
    code: newCaseCode(),
    pin: newPin(),
    reporterId: outer.from!.id,
    chatId: outer.chat!.id,
    hotline: outer.profile.hotlines.map((line) => line.number).join(", "),
    org: outer.profile.organisation.name,
    staffChatId: outer.config.staffChatId,
    defaultLocale: outer.config.defaultLocale,
  }));
  const locale = await conversation.external((outer) => outer.i18n.getLocale());
  const draft: Draft = { attachments: [] };

  const next = () => formUpdate(conversation);
  // A failed Telegram call inside a conversation would end it and lose the draft, so a message that
  // cannot be delivered is logged and the form goes on waiting. Returns whether it was delivered.
  type ReplyOptions = Parameters<ConversationContext["reply"]>[1];
  async function say(text: string, other?: ReplyOptions): Promise<boolean> {
    try {
      await ctx.reply(text, other);
      return true;
    } catch (err) {
      await conversation.external((outer) => outer.logger.warn({ err }, "could not deliver a message of the report form"));
      return false;
    }
  }
  /** A question: its text (left out of hints when long) and its buttons. */
  interface Question {
    text?: string;
    other: ReplyOptions;
  }
  // A wrong answer gets a hint that asks the question again, with its buttons right under it.
  const hint = (key: string, vars: Record<string, string | number> | undefined, question: Question) =>
    say(question.text ? `${t(key, vars)}\n\n${question.text}` : t(key, vars), question.other);

  async function choose<T extends string>(field: string, values: readonly T[]): Promise<T | "back"> {
    const question = { text: t(`report-ask-${field}`), other: { reply_markup: choiceKeyboard(t, field, values) } };
    await say(question.text, question.other);
    for (;;) {
      const answer = await next();
      const data = answer.callbackQuery?.data;
      if (data === FORM.back) return "back";
      const value = values.find((candidate) => data === FORM.value(candidate));
      if (value) return value;
      await hint(data ? "report-hint-stale-button" : "report-hint-button", undefined, question);
    }
  }

  /** An optional short text, or «Skip». */
  async function shortText(field: string): Promise<string | null | "back"> {
    const keyboard = new InlineKeyboard().text(t("report-skip"), FORM.skip).row().add(backButton(t), cancelButton(t));
    const question = { text: t(`report-ask-${field}`), other: { reply_markup: keyboard } };
    await say(question.text, question.other);
    for (;;) {
      const answer = await next();
      const data = answer.callbackQuery?.data;
      if (data === FORM.back) return "back";
      if (data === FORM.skip) return null;
      const text = answer.message?.text?.trim();
      if (text && text.length <= SHORT_TEXT_MAX) return text;
      if (text) await hint("report-hint-too-long", { max: SHORT_TEXT_MAX }, question);
      else await hint(data ? "report-hint-stale-button" : "report-hint-text", undefined, question);
    }
  }

  async function narrative(): Promise<string | "back"> {
    const parts = draft.narrative ? [draft.narrative] : [];
    // When the text is edited from the summary, it can be added to or written anew.
    const keyboard = () => {
      const buttons = new InlineKeyboard().text(t("report-continue"), FORM.next).row();
      if (parts.length > 0) buttons.text(t("report-rewrite"), FORM.rewrite).row();
      return buttons.add(backButton(t), cancelButton(t));
    };
    const buttons = { other: { reply_markup: keyboard() } };
    const joined = () => parts.join("\n\n");
    await say(t("report-ask-narrative", { min: NARRATIVE_MIN, max: NARRATIVE_MAX }), { reply_markup: keyboard() });
    for (;;) {
      const answer = await next();
      const data = answer.callbackQuery?.data;
      if (data === FORM.back) return "back";
      if (data === FORM.rewrite) {
        parts.length = 0;
        await say(t("report-rewrite-ok"), { reply_markup: keyboard() });
        continue;
      }
      if (data === FORM.next) {
        if (joined().length >= NARRATIVE_MIN) return joined();
        await hint("report-hint-too-short", { min: NARRATIVE_MIN, missing: NARRATIVE_MIN - joined().length }, buttons);
        continue;
      }
      const text = answer.message?.text?.trim();
      if (!text) {
        await hint(data ? "report-hint-stale-button" : "report-hint-narrative-text", undefined, buttons);
        continue;
      }
      const candidate = [...parts, text].join("\n\n");
      if (candidate.length > NARRATIVE_MAX) {
        await hint("report-hint-narrative-too-long", { max: NARRATIVE_MAX, length: joined().length }, buttons);
        continue;
      }
      parts.push(text);
      await say(t("report-narrative-added", { length: candidate.length, max: NARRATIVE_MAX }), { reply_markup: keyboard() });
    }
  }

  async function urgency(): Promise<boolean | "back"> {
    const answer = await choose("urgency", ["yes", "no"] as const);
    if (answer === "back") return "back";
    if (answer === "yes" && setup.hotline) await say(t("report-urgent-hotline", { hotline: setup.hotline }));
    return answer === "yes";
  }

  async function evidence(): Promise<"back" | "done"> {
    const done = () => new InlineKeyboard().text(t("report-done"), FORM.done).row().add(backButton(t), cancelButton(t));
    await say(t("report-ask-evidence", { max: MAX_ATTACHMENTS }), { reply_markup: done() });
    let lastGroup: string | undefined;
    for (;;) {
      const answer = await next();
      const data = answer.callbackQuery?.data;
      if (data === FORM.back) return "back";
      if (data === FORM.done) return "done";
      const attachment = attachmentOf(answer);
      if (!attachment) {
        await hint(data ? "report-hint-stale-button" : "report-hint-evidence", undefined, { other: { reply_markup: done() } });
        continue;
      }
      if (draft.attachments.length >= MAX_ATTACHMENTS) {
        await hint("report-hint-too-many", { max: MAX_ATTACHMENTS }, { other: { reply_markup: done() } });
        continue;
      }
      draft.attachments.push(attachment);
      // One answer per album, not one per photo in it.
      const group = answer.message?.media_group_id;
      if (group === undefined || group !== lastGroup) {
        await say(t("report-evidence-received", { max: MAX_ATTACHMENTS }), { reply_markup: done() });
      }
      lastGroup = group;
    }
  }

  async function contact(): Promise<"back" | "done"> {
    const kind = await choose("contact", CONTACTS);
    if (kind === "back") return "back";
    if (kind !== "phone") {
      draft.contact = kind === "chat" ? { kind, chatId: setup.chatId } : { kind };
      return "done";
    }
    // A reply keyboard (the only way to offer «share my number») replaces the inline buttons, so «Back»
    // and «Cancel» are keyboard buttons here and arrive as text.
    const share = new Keyboard().requestContact(t("report-share-phone")).row().text(t("rights-back")).text(t("report-cancel")).resized();
    const removeKeyboard = { reply_markup: { remove_keyboard: true as const } };
    await say(t("report-ask-phone"), { reply_markup: share });
    for (;;) {
      const answer = await next();
      if (answer.message?.text === t("rights-back")) {
        await say(t("report-phone-back"), removeKeyboard);
        return contact();
      }
      if (answer.message?.text === t("report-cancel")) {
        await say(t("report-drop-confirm"), { reply_markup: dropKeyboard(t) });
        continue;
      }
      const typed = answer.message?.contact?.phone_number ?? answer.message?.text;
      const phone = typed ? normalizePhone(typed.startsWith("+") || typed.startsWith("0") ? typed : `+${typed}`) : undefined;
      if (phone) {
        draft.contact = { kind: "phone", phone };
        await say(t("report-phone-saved"), removeKeyboard);
        return "done";
      }
      await hint("report-hint-phone", undefined, { other: { reply_markup: share } });
    }
  }

  async function ask(step: Step): Promise<"back" | "done"> {
    switch (step) {
      case "reporter":
      case "placeType":
      case "region":
      case "when": {
        const [field, values] = CHOICES[step];
        const value = await choose(field, values);
        if (value === "back") return "back";
        Object.assign(draft, { [step]: value });
        return "done";
      }
      case "placeName":
      case "whenText": {
        const value = await shortText(step === "placeName" ? "place-name" : "when-text");
        if (value === "back") return "back";
        draft[step] = value ?? undefined;
        return "done";
      }
      case "narrative": {
        const value = await narrative();
        if (value === "back") return "back";
        draft.narrative = value;
        return "done";
      }
      case "urgency": {
        const value = await urgency();
        if (value === "back") return "back";
        draft.urgent = value;
        return "done";
      }
      case "evidence":
        return evidence();
      case "contact":
        return contact();
    }
  }

  /** Runs the steps in order; «Back» on the first one returns "back". */
  async function run(steps: Step[]): Promise<"back" | "done"> {
    let index = 0;
    while (index < steps.length) {
      if ((await ask(steps[index]!)) === "back") {
        if (index === 0) return "back";
        index--;
      } else {
        index++;
      }
    }
    return "done";
  }

  async function consent(): Promise<number> {
    const agree = new InlineKeyboard().text(t("report-agree"), FORM.agree).row().add(cancelButton(t));
    await say(t("report-consent", { org: escapeHtml(setup.org[locale as Locale]), hotline: setup.hotline || "—" }), {
      reply_markup: agree,
      parse_mode: "HTML",
    });
    for (;;) {
      const answer = await next();
      if (answer.callbackQuery?.data === FORM.agree) return conversation.now();
      await hint("report-hint-button", undefined, { other: { reply_markup: agree } });
    }
  }

  let consentAt = await consent();
  while ((await run(ALL_STEPS)) === "back") consentAt = await consent();

  // The summary is shown again only when something changed; a wrong answer gets just a hint.
  for (let show = true; ; ) {
    if (show) {
      await say([`<b>${t("report-summary")}</b>`, "", ...draftLines(t, draft)].join("\n"), {
        parse_mode: "HTML",
        reply_markup: summaryKeyboard(t),
      });
    }
    show = true;
    const answer = await next();
    const data = answer.callbackQuery?.data ?? "";
    const part = data.startsWith("r:edit:") ? (data.slice("r:edit:".length) as SummaryPart) : undefined;
    if (part && PART_STEPS[part]) {
      await run(PART_STEPS[part]);
      continue;
    }
    if (data !== FORM.send) {
      await hint(data ? "report-hint-stale-button" : "report-hint-summary", undefined, { other: { reply_markup: summaryKeyboard(t) } });
      show = false;
      continue;
    }
    if (!isComplete(draft)) continue;
    const complete = draft;
    let sent: { result: SubmitResult; code: string };
    try {
      sent = await conversation.external(async (outer) => {
        const now = Date.now();
        for (let code = setup.code; ; code = newCaseCode()) {
          const result = await outer.cases.submit({
            code, draftId: setup.draftId, pin: setup.pin, draft: complete, consentVersion: CONSENT_VERSION, consentAt, reporterId: setup.reporterId, now,
          });
          // Another case already has this code (about one chance in 10^12): draw again.
          if (result !== "collision") return { result, code };
        }
      });
    } catch {
      await say(t("report-send-failed"));
      continue;
    }
    await conversation.external((outer) => {
      delete outer.session.draftStartedAt;
    });
    const { result, code } = sent;
    if (result === "created" && setup.staffChatId !== undefined) {
      const staffChatId = setup.staffChatId;
      await conversation.external(async (outer) => {
        const stored = await outer.cases.get(code);
        if (!stored) return;
        const alert = staffAlert(((key: string, vars?: Record<string, string | number>) => outer.i18n.fluent.translate(setup.defaultLocale, key, vars)) as TranslateFunction, stored);
        try {
          await outer.api.sendMessage(staffChatId, alert.text, { parse_mode: "HTML", reply_markup: alert.keyboard });
        } catch (err) {
          outer.logger.error({ err, code }, "could not alert the staff chat about a new case");
        }
      });
    }
    // The case is saved; the code and PIN exist nowhere else in readable form, so keep trying to show them
    // (the person presses anything, typically «Send» again) until Telegram takes the message.
    const home = new InlineKeyboard().add(homeButton(t));
    while (!(await say(t("report-sent", { code, pin: setup.pin }), sensitive({ parse_mode: "HTML" as const, reply_markup: home })))) await next();
    return;
  }
}
