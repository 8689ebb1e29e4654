import { InlineKeyboard, Keyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import { emergencyVariables } from "../../profile.js";
import {
  CONTACTS, MAX_ATTACHMENTS, MAX_TEXT_PARTS, NARRATIVE_MAX, NARRATIVE_MIN, PLACE_TYPES, REGIONS, REPORTERS, WHEN, type Draft, type When,
} from "../../complaints/model.js";
import type { BotContext, ConversationContext } from "../context.js";
import { FORM, backButton, cancelButton, choiceKeyboard, dropKeyboard, type SummaryPart } from "../report-view.js";
import { attachmentOf, type FormChat, type FormMessage } from "./input.js";

const SHORT_TEXT_MAX = 200;
/** Answers to «when» that already say the day: no date is asked after them. */
const DAY_KNOWN: readonly When[] = ["today", "yesterday"];

// Emoji, with their modifiers, joiners and keycaps: set aside before looking for words.
const EMOJI = /[#*\d]\uFE0F?\u20E3|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200D\uFE0F]/gu;
/** A text of emoji (or punctuation) alone does not say what happened, however long it is. */
const describes = (text: string) => /[\p{L}\p{N}]/u.test(text.replace(EMOJI, ""));
/** How long a text is for the minimum: emoji do not count (each is one or more UTF-16 units). */
const wordsLength = (text: string) => text.replace(EMOJI, "").length;

export type Step = "reporter" | "placeType" | "region" | "placeName" | "when" | "whenText" | "narrative" | "urgency" | "evidence" | "contact";
export const ALL_STEPS: Step[] = ["reporter", "placeType", "region", "placeName", "when", "whenText", "narrative", "urgency", "evidence", "contact"];
export const PART_STEPS: Record<SummaryPart, Step[]> = {
  who: ["reporter"],
  place: ["placeType", "region", "placeName"],
  when: ["when", "whenText"],
  what: ["narrative"],
  urgency: ["urgency"],
  evidence: ["evidence"],
  contact: ["contact"],
};

/** The questions answered with one button: the Fluent field name and the allowed values. */
const CHOICES = {
  reporter: ["reporter", REPORTERS],
  placeType: ["place", PLACE_TYPES],
  region: ["region", REGIONS],
  when: ["when", WHEN],
} as const;

/** +996 555 123 456, 0555 123 456 or any international number; undefined when it is not a phone number. */
function normalizePhone(input: string): string | undefined {
  const digits = input.replace(/[\s()-]/g, "");
  if (/^0\d{9}$/.test(digits)) return `+996${digits.slice(1)}`;
  if (/^\+?996\d{9}$/.test(digits)) return `+${digits.replace(/^\+/, "")}`;
  // A Kyrgyz number has nine digits after 996: one of another length is a typo, not a foreign number.
  if (/^\+996/.test(digits)) return undefined;
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  return undefined;
}

/** A question as a hint repeats it: its text (left out when long) and its buttons. */
type Question = Partial<FormMessage>;

interface Form {
  conversation: Conversation<BotContext, ConversationContext>;
  chat: FormChat;
  /** Filled in by the steps. */
  draft: Draft;
  /** The hotline numbers, shown when someone is in danger now. */
  hotline: string;
  /** For «reply to me in this chat». */
  chatId: number;
}

/** The questions of the report form, each asked until it gets a usable answer or «Back». */
export function reportSteps(form: Form) {
  const { conversation, draft } = form;
  const { t, say, ask, next } = form.chat;
  // A wrong answer gets a hint that asks the question again, with its buttons right under it, and is then
  // forgotten: the form keeps no trace of it, so no amount of wrong input makes the stored draft grow.
  // It never returns: the form goes on waiting at the question, for the next update.
  const hint = async (key: string, vars: Record<string, string | number> | undefined, question: Question): Promise<never> => {
    await say(question.text ? `${t(key, vars)}\n\n${question.text}` : t(key, vars), question.other);
    return conversation.skip();
  };

  async function choose<T extends string>(field: string, values: readonly T[]): Promise<T | "back"> {
    const question = () => ({ text: t(`report-ask-${field}`), other: { reply_markup: choiceKeyboard(t, field, values) } });
    await ask(question);
    const answer = await next();
    const data = answer.callbackQuery?.data;
    if (data === FORM.back) return "back";
    const value = values.find((candidate) => data === FORM.value(candidate));
    if (value) return value;
    return hint(data ? "report-hint-stale-button" : "report-hint-button", undefined, question());
  }

  /** An optional short text, or «Skip». */
  async function shortText(field: string): Promise<string | null | "back"> {
    const keyboard = () => new InlineKeyboard().text(t("report-skip"), FORM.skip).row().add(backButton(t), cancelButton(t));
    const question = () => ({ text: t(`report-ask-${field}`), other: { reply_markup: keyboard() } });
    await ask(question);
    const answer = await next();
    const data = answer.callbackQuery?.data;
    if (data === FORM.back) return "back";
    if (data === FORM.skip) return null;
    const text = answer.message?.text?.trim();
    if (text && text.length <= SHORT_TEXT_MAX) return text;
    if (text) return hint("report-hint-too-long", { max: SHORT_TEXT_MAX }, question());
    return hint(data ? "report-hint-stale-button" : "report-hint-text", undefined, question());
  }

  /** What happened: typed in as many messages as the person likes, or told in voice or video notes, or both. */
  async function narrative(): Promise<"back" | "done"> {
    const parts = draft.narrative ? [draft.narrative] : [];
    const recordings = [...(draft.recordings ?? [])];
    const joined = () => parts.join("\n\n");
    const fileIds = (list: typeof recordings) => list.map((recording) => recording.fileId).join();
    const changed = () => joined() !== (draft.narrative ?? "") || fileIds(recordings) !== fileIds(draft.recordings ?? []);
    // When the narrative is edited from the summary, it can be added to or told anew.
    const keyboard = () => {
      const buttons = new InlineKeyboard().text(t("report-continue"), FORM.next).row();
      if (parts.length > 0 || recordings.length > 0) buttons.text(t("report-rewrite"), FORM.rewrite).row();
      return buttons.add(backButton(t), cancelButton(t));
    };
    // Hints carry the buttons as they are now: «Write anew» appears once there is something.
    const buttons = () => ({ other: { reply_markup: keyboard() } });
    const done = () => {
      draft.narrative = joined();
      draft.recordings = recordings.length > 0 ? recordings : undefined;
      return "done" as const;
    };
    await ask(() => ({ text: t("report-ask-narrative", { min: NARRATIVE_MIN, max: NARRATIVE_MAX }), ...buttons() }));
    for (;;) {
      const answer = await next();
      const data = answer.callbackQuery?.data;
      if (data === FORM.back && changed()) {
        // «Back» keeps the narrative as it was before this step: what was written or recorded here is lost.
        const sure = new InlineKeyboard().text(t("report-back-yes"), FORM.backSure).row().text(t("report-back-no"), FORM.stay);
        await say(t("report-back-confirm"), { reply_markup: sure });
        continue;
      }
      if (data === FORM.back || data === FORM.backSure) return "back";
      if (data === FORM.stay) {
        await say(t("report-back-stay"), buttons().other);
        continue;
      }
      if (data === FORM.rewrite) {
        // The earlier account stays in the draft until the new one is taken with «Next»: «Back» keeps it.
        parts.length = 0;
        recordings.length = 0;
        await say(t("report-rewrite-ok"), buttons().other);
        continue;
      }
      if (data === FORM.next) {
        // A recording tells what happened: any text beside it is optional, however short.
        if (recordings.length > 0) return done();
        if (joined() && !describes(joined())) return hint("report-hint-narrative-emoji", undefined, buttons());
        if (wordsLength(joined()) >= NARRATIVE_MIN) return done();
        return hint("report-hint-too-short", { min: NARRATIVE_MIN, missing: NARRATIVE_MIN - wordsLength(joined()) }, buttons());
      }
      const recording = answer.message?.voice || answer.message?.video_note ? attachmentOf(answer) : undefined;
      if (recording) {
        if (recordings.length >= MAX_ATTACHMENTS) return hint("report-hint-recordings-too-many", { max: MAX_ATTACHMENTS }, buttons());
        recordings.push(recording);
        await say(t("report-narrative-recorded"), buttons().other);
        continue;
      }
      const text = answer.message?.text?.trim();
      if (!text) return hint(data ? "report-hint-stale-button" : "report-hint-narrative-text", undefined, buttons());
      const candidate = [...parts, text].join("\n\n");
      if (candidate.length > NARRATIVE_MAX) return hint("report-hint-narrative-too-long", { max: NARRATIVE_MAX, length: joined().length }, buttons());
      if (parts.length >= MAX_TEXT_PARTS) return hint("report-hint-narrative-parts", { max: MAX_TEXT_PARTS }, buttons());
      parts.push(text);
      await say(t("report-narrative-added", { length: candidate.length, max: NARRATIVE_MAX }), buttons().other);
    }
  }

  async function urgency(): Promise<boolean | "back"> {
    const answer = await choose("urgency", ["yes", "no"] as const);
    if (answer === "back") return "back";
    if (answer === "yes") await say(t("report-urgent-hotline", emergencyVariables(form.hotline)));
    return answer === "yes";
  }

  async function evidence(): Promise<"back" | "done"> {
    const done = () => new InlineKeyboard().text(t("report-done"), FORM.done).row().add(backButton(t), cancelButton(t));
    await ask(() => ({ text: t("report-ask-evidence", { max: MAX_ATTACHMENTS }), other: { reply_markup: done() } }));
    let lastGroup: string | undefined;
    for (;;) {
      const answer = await next();
      const data = answer.callbackQuery?.data;
      if (data === FORM.back) return "back";
      if (data === FORM.done) return "done";
      const attachment = attachmentOf(answer);
      if (!attachment) {
        return hint(data ? "report-hint-stale-button" : "report-hint-evidence", undefined, { other: { reply_markup: done() } });
      }
      if (draft.attachments.length >= MAX_ATTACHMENTS) {
        return hint("report-hint-too-many", { max: MAX_ATTACHMENTS }, { other: { reply_markup: done() } });
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
    if (kind === "anonymous") {
      draft.contact = { kind };
      delete draft.notify;
      return "done";
    }
    if (kind === "chat") {
      // Only someone answered in the chat can be told of changes there; «Back» returns to how to reach them.
      const notify = await choose("notify", ["yes", "no"] as const);
      if (notify === "back") return contact();
      draft.contact = { kind, chatId: form.chatId };
      draft.notify = notify === "yes";
      return "done";
    }
    delete draft.notify;
    // A reply keyboard (the only way to offer «share my number») replaces the inline buttons, so «Back»
    // and «Cancel» are keyboard buttons here and arrive as text.
    const share = () => new Keyboard().requestContact(t("report-share-phone")).row().text(t("rights-back")).text(t("report-cancel")).resized();
    const removeKeyboard = { reply_markup: { remove_keyboard: true as const } };
    await ask(() => ({ text: t("report-ask-phone"), other: { reply_markup: share() } }));
    const answer = await next();
    if (answer.message?.text === t("rights-back")) {
      await say(t("report-phone-back"), removeKeyboard);
      return contact();
    }
    if (answer.message?.text === t("report-cancel")) {
      // The confirmation's buttons are handled outside the form, which goes on waiting for the number.
      await say(t("report-drop-confirm"), { reply_markup: dropKeyboard(t) });
      await conversation.skip();
    }
    const typed = answer.message?.contact?.phone_number ?? answer.message?.text;
    const phone = typed ? normalizePhone(typed.startsWith("+") || typed.startsWith("0") ? typed : `+${typed}`) : undefined;
    if (phone) {
      draft.contact = { kind: "phone", phone };
      await say(t("report-phone-saved"), removeKeyboard);
      return "done";
    }
    return hint("report-hint-phone", undefined, { other: { reply_markup: share() } });
  }

  async function fill(step: Step): Promise<"back" | "done"> {
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
      case "narrative":
        return narrative();
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
    let back = false;
    while (index < steps.length) {
      const step = steps[index]!;
      // After «today» or «yesterday» the day is known: no date is asked (going either way), and one given
      // earlier is dropped.
      if (step === "whenText" && DAY_KNOWN.includes(draft.when!)) delete draft.whenText;
      else back = (await fill(step)) === "back";
      if (back && index === 0) return "back";
      index += back ? -1 : 1;
    }
    return "done";
  }

  return { hint, run };
}
