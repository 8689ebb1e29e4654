import { InlineKeyboard } from "grammy";
import type { Conversation } from "@grammyjs/conversations";
import { foreignCodeChars, normalizeCaseCode } from "../../complaints/codes.js";
import { MAX_ATTACHMENTS, MAX_TEXT_PARTS, NARRATIVE_MAX, type Attachment } from "../../complaints/model.js";
import type { BotContext, ConversationContext } from "../context.js";
import { sensitive } from "../protect.js";
import { FORM, cancelButton, localClock, localTime } from "../report-view.js";
import { attachmentOf, formChat } from "./input.js";
import { splitMessage, type Block } from "../split.js";

export const CHECK = "check";

const ADD = "r:add";
const WITHDRAW = "r:withdraw";
const WITHDRAW_YES = "r:withdraw-yes";
const CONSENT_YES = "r:consent-yes";
const CONSENT_NO = "r:consent-no";
const MINUTE = 60_000;

/** «Check by code»: from any account, with the case code and PIN; then add information or withdraw. */
export async function checkConversation(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext) {
  const { t, say, ask, next } = formChat(conversation, ctx, "check");
  const reporterId = await conversation.external((outer) => outer.from!.id);
  const cancel = () => new InlineKeyboard().add(cancelButton(t));

  // A wrong answer is told so and forgotten (see report-steps.ts): the form's stored state does not grow.
  const hint = async (key: string, vars?: Record<string, string | number>, keyboard: InlineKeyboard = cancel()): Promise<never> => {
    await say(t(key, vars), { reply_markup: keyboard });
    return conversation.skip();
  };

  await ask(() => ({ text: t("check-ask-code"), other: { reply_markup: cancel() } }));
  const typed = (await next()).message?.text ?? "";
  const foreign = foreignCodeChars(typed);
  const code = normalizeCaseCode(typed) ?? (await (foreign.length ? hint("check-hint-code-chars", { chars: foreign.join(" ") }) : hint("check-hint-code")));

  await ask(() => ({ text: t("check-ask-pin"), other: { reply_markup: cancel() } }));
  const pinAnswer = await next();
  const pin = pinAnswer.message?.text?.trim() ?? "";
  if (!/^\d{6}$/.test(pin)) await hint("check-hint-pin");
  // The PIN should not stay readable in the chat.
  await pinAnswer.deleteMessage().catch(() => undefined);

  const access = await conversation.external((outer) => outer.cases.checkAccess(reporterId, code, pin));
  if (access.kind === "denied") {
    await say(t("check-denied"));
    return;
  }
  if (access.kind === "limited") {
    // Rounded up, so trying at the time shown always works.
    const minutes = Math.max(1, Math.ceil(access.retryInMs / MINUTE));
    const time = localClock(Math.ceil(((await conversation.now()) + access.retryInMs) / MINUTE) * MINUTE);
    await say(t("check-limited", { minutes, time }));
    return;
  }

  for (;;) {
    const state = await conversation.external(async (outer) => {
      const stored = await outer.cases.get(code);
      return stored && { status: stored.status, createdAt: stored.createdAt, open: stored.secret !== undefined, ...(await outer.cases.forReporter(code)) };
    });
    if (!state) return;
    const open = state.status !== "withdrawn" && state.open;
    const actions = () => {
      const buttons = new InlineKeyboard();
      if (open && state.consentAsked) buttons.text(t("reporter-consent-yes"), CONSENT_YES).row().text(t("reporter-consent-no"), CONSENT_NO).row();
      if (open) buttons.text(t("check-add"), ADD).row().text(t("check-withdraw"), WITHDRAW).row();
      return buttons.text(t("report-done"), FORM.done);
    };
    // The organisation's replies, each with its date; the person reads them only here when not answered in the chat.
    await ask(() =>
      splitMessage([
        t("check-status", { code: code, status: t(`case-status-${state.status}`), date: localTime(state.createdAt) }),
        ...state.replies.flatMap(({ at, text }): Block[] => ["", `<b>${t("check-reply", { date: localTime(at) })}</b>`, { typed: text }]),
        ...(open && state.consentAsked ? ["", t("check-consent-ask")] : []),
      ]).map((text, index, parts) => ({ text, other: sensitive({ parse_mode: "HTML" as const, ...(index === parts.length - 1 ? { reply_markup: actions() } : {}) }) })),
    );
    const choice = (await next()).callbackQuery?.data;
    // Anything but a button means the person has moved on: the check ends, and the rest of the bot
    // answers what they wrote (a question, a menu).
    if (choice === undefined) return conversation.halt({ next: true });
    if ((choice === CONSENT_YES || choice === CONSENT_NO) && open) {
      const saved = await conversation.external((outer) => outer.cases.answerConsent(code, choice === CONSENT_YES, Date.now()));
      await say(t(!saved ? "reporter-consent-closed" : choice === CONSENT_YES ? "reporter-consent-given" : "reporter-consent-refused", { code }), { parse_mode: "HTML" });
    } else if (choice === ADD && open) {
      await addInformation(code);
    } else if (choice === WITHDRAW && open) {
      await ask(() => ({
        text: t("withdraw-confirm", { code: code }),
        other: { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(t("withdraw-yes"), WITHDRAW_YES).row().text(t("withdraw-no"), FORM.back) },
      }));
      if ((await next()).callbackQuery?.data === WITHDRAW_YES) {
        await conversation.external((outer) => outer.cases.withdraw(code, "reporter", Date.now()));
        await say(t("withdraw-done", { code: code }), { parse_mode: "HTML" });
        return;
      }
    } else if (choice === FORM.done) {
      await say(t("check-bye"));
      return;
    } else {
      await hint("report-hint-stale-button", undefined, actions());
    }
  }

  async function addInformation(caseCode: string) {
    const done = () => new InlineKeyboard().text(t("report-done"), FORM.done).row().add(cancelButton(t));
    await ask(() => ({ text: t("check-ask-addition", { max: MAX_ATTACHMENTS }), other: { reply_markup: done() } }));
    const texts: string[] = [];
    const attachments: Attachment[] = [];
    let lastGroup: string | undefined;
    for (;;) {
      const answer = await next();
      if (answer.callbackQuery?.data === FORM.done) break;
      const attachment = attachmentOf(answer);
      const text = answer.message?.text?.trim();
      const length = texts.join("\n\n").length;
      if (attachment && attachments.length < MAX_ATTACHMENTS) {
        attachments.push(attachment);
        // As in the report form's evidence step: one answer per album, not one per photo in it.
        const group = answer.message?.media_group_id;
        if (group === undefined || group !== lastGroup) await say(t("report-evidence-received", { max: MAX_ATTACHMENTS }), { reply_markup: done() });
        lastGroup = group;
      } else if (attachment) await hint("report-hint-too-many", { max: MAX_ATTACHMENTS }, done());
      else if (!text) await hint("check-hint-addition", undefined, done());
      else if (texts.length >= MAX_TEXT_PARTS) await hint("check-hint-addition-parts", { max: MAX_TEXT_PARTS }, done());
      else if ([...texts, text].join("\n\n").length > NARRATIVE_MAX) await hint("check-hint-addition-too-long", { max: NARRATIVE_MAX, length }, done());
      else {
        texts.push(text);
        await say(t("check-addition-added", { length: texts.join("\n\n").length, max: NARRATIVE_MAX }), { reply_markup: done() });
      }
    }
    if (texts.length === 0 && attachments.length === 0) return;
    const text = texts.length ? texts.join("\n\n") : undefined;
    await conversation.external((outer) => outer.cases.addInformation(caseCode, { text, attachments }, Date.now()));
    await say(t("check-added"), sensitive({}));
  }
}
