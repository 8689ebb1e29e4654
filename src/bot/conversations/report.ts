import { randomUUID } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import { newCaseCode, newPin } from "../../complaints/codes.js";
import { consentVersion, isComplete, type Draft } from "../../complaints/model.js";
import type { Locale } from "../../config.js";
import { emergencyNumbers, emergencyVariables, organisationVariables } from "../../profile.js";
import type { BotContext, ConversationContext } from "../context.js";
import { homeButton } from "../keyboards.js";
import { sensitive } from "../protect.js";
import { FORM, cancelButton, summaryKeyboard, summaryMessages, type SummaryPart } from "../report-view.js";
import { formChat, type FormMessage } from "./input.js";
import { ALL_STEPS, PART_STEPS, reportSteps } from "./report-steps.js";

export const REPORT = "report";
/** Shown to the person before they start, and stored with the case. Change it whenever report-consent changes. */
export const CONSENT_VERSION = "2026-12-01";

const EDIT = FORM.edit("");

/**
 * The complaint form. It is replayed from the start on every update (conversations v2), so everything that
 * differs between runs (time, randomness, Redis, the outside context) goes through conversation.external.
 */
export async function reportConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const setup = await conversation.external((outer) => ({
    draftId: randomUUID(),
    code: newCaseCode(),
    pin: newPin(),
    reporterId: outer.from!.id,
    chatId: outer.chat!.id,
    hotline: emergencyNumbers(outer.profile),
    org: outer.profile.organisation?.name ?? null,
    retention: outer.config.retentionDays,
  }));
  const draft: Draft = { attachments: [] };

  const chat = formChat(conversation, ctx, "report");
  const { t, say, ask, next } = chat;
  const { hint, run } = reportSteps({ conversation, chat, draft, hotline: setup.hotline, chatId: setup.chatId });

  async function consent(): Promise<number> {
    const agree = () => new InlineKeyboard().text(t("report-agree"), FORM.agree).row().add(cancelButton(t));
    // The organisation's name is in the language of the moment, which the person may change before agreeing.
    const question = async (): Promise<FormMessage> => {
      const locale = await conversation.external((outer) => outer.i18n.getLocale());
      return {
        text: t("report-consent", { ...organisationVariables(setup.org, locale as Locale), ...emergencyVariables(setup.hotline), retention: setup.retention }),
        other: { reply_markup: agree(), parse_mode: "HTML" },
      };
    };
    await ask(question);
    const answer = await next();
    if (answer.callbackQuery?.data !== FORM.agree) return hint("report-hint-button", undefined, await question());
    const at = await conversation.now();
    // From here on there is a draft: «Cancel» asks before dropping it, and its expiry is told.
    await conversation.external((outer) => {
      outer.session.draftStartedAt ??= at;
    });
    return at;
  }

  let consentAt = await consent();
  while ((await run(ALL_STEPS)) === "back") consentAt = await consent();

  // The summary is shown again after each change; a wrong answer gets just a hint (and is forgotten).
  for (;;) {
    await ask(() =>
      summaryMessages(t, draft).map((text, index, parts) => ({
        text,
        other: { parse_mode: "HTML" as const, ...(index === parts.length - 1 ? { reply_markup: summaryKeyboard(t) } : {}) },
      })),
    );
    const answer = await next();
    const data = answer.callbackQuery?.data ?? "";
    const part = data.startsWith(EDIT) ? (data.slice(EDIT.length) as SummaryPart) : undefined;
    if (part && PART_STEPS[part]) {
      await run(PART_STEPS[part]);
      continue;
    }
    if (data !== FORM.send) {
      return hint(data ? "report-hint-stale-button" : "report-hint-summary", undefined, { other: { reply_markup: summaryKeyboard(t) } });
    }
    if (!isComplete(draft)) continue;
    const complete = draft;
    let code: string;
    try {
      code = await conversation.external(async (outer) => {
        const now = Date.now();
        const locale = await outer.i18n.getLocale();
        for (let code = setup.code; ; code = newCaseCode()) {
          const result = await outer.cases.submit({
            code, draftId: setup.draftId, pin: setup.pin, draft: complete, consentVersion: consentVersion(CONSENT_VERSION, setup.retention), consentAt, reporterId: setup.reporterId, locale, now,
          });
          // Another case already has this code (about one chance in 10^12): draw again.
          if (result !== "collision") return code;
        }
      });
    } catch {
      await say(t("report-send-failed"));
      continue;
    }
    await conversation.external((outer) => {
      delete outer.session.draftStartedAt;
    });
    // The staff alert went into the outbox with the case; the alert worker delivers it.
    // The case is saved; the code and PIN exist nowhere else in readable form, so keep trying to show them
    // (the person presses anything, typically «Send» again) until Telegram takes the message.
    const home = new InlineKeyboard().add(homeButton(t));
    while (!(await say(t("report-sent", { code, pin: setup.pin }), sensitive({ parse_mode: "HTML" as const, reply_markup: home })))) await next();
    const shownAt = await conversation.now();
    await conversation.external((outer) => {
      outer.session.secretsShownAt = shownAt;
    });
    return;
  }
}
