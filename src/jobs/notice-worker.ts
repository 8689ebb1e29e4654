import { UnrecoverableError, Worker, type ConnectionOptions } from "bullmq";
import { GrammyError, InlineKeyboard, type Api } from "grammy";
import { NOTICES_QUEUE } from "../complaints/alerts.js";
import type { CaseStore } from "../complaints/store.js";
import type { Cipher } from "../crypto.js";
import { LOCALES, type Locale } from "../config.js";
import type { Logger } from "../logger.js";
import { organisationVariables, type Profile } from "../profile.js";
import type { RoleStore } from "../roles.js";
import { REPORTER_DATA, staffNotice } from "../bot/reporter-view.js";
import { escapeHtml } from "../html.js";
import { KEYS, type Redis } from "../redis.js";
import type { SessionData } from "../bot/context.js";

export type Translate = (locale: Locale, key: string, variables?: Record<string, string | number>) => string;

export interface NoticeWorkerDeps {
  connection: ConnectionOptions;
  prefix?: string;
  /** The bot's connection: the reporter's language is read from their session. */
  redis: Redis;
  api: Api;
  cases: CaseStore;
  cipher: Cipher;
  roles: RoleStore;
  translate: Translate;
  profile: Profile;
  defaultLocale: Locale;
  staffChatId: number | undefined;
  logger: Logger;
}

type Job = { code: string; sealed?: string; status?: string; kind?: string };

/**
 * Delivers what the organisation sends a reporter (a reply, a status change, a request for consent) and
 * tells staff when the reporter wrote back, at least once. Only ids and ciphertexts are in the job; the
 * reporter's chat is read from the case's encrypted content when the message is sent.
 */
export function startNoticeWorker(deps: NoticeWorkerDeps): Worker {
  const { connection, prefix, redis, api, cases, cipher, roles, translate, profile, defaultLocale, staffChatId, logger } = deps;
  const known = (locale: string | undefined) => LOCALES.find((each) => each === locale);

  // The language the reporter uses the bot in now (they may have changed it since reporting), else the one
  // they reported in. The session is named by the pseudonym of their Telegram id, which is the chat's id.
  async function reporterLocale(chatId: number, reportedIn: string | undefined): Promise<Locale> {
    const session = await redis.get(KEYS.session + cipher.pseudonym(String(chatId)));
    const chosen = session ? (JSON.parse(session) as SessionData).locale : undefined;
    return known(chosen) ?? known(reportedIn) ?? defaultLocale;
  }

  async function toReporter(name: string, { code, sealed, status }: Job) {
    const stored = await cases.get(code);
    const contact = stored?.secret?.contact;
    // Withdrawn, deleted, or never to be answered in the chat: there is no one to send it to.
    if (!stored?.secret || contact?.kind !== "chat") return "no chat";
    const locale = await reporterLocale(contact.chatId, stored.secret.locale);
    const t = (key: string, variables?: Record<string, string | number>) => translate(locale, key, variables);
    const org = organisationVariables(profile.organisation?.name, locale);
    if (name === "reply") {
      const text = `${t("reporter-reply", { code, ...org })}\n\n${escapeHtml(cipher.decrypt(sealed!))}`;
      const keyboard = new InlineKeyboard().text(t("reporter-answer"), REPORTER_DATA.answer(code));
      return api.sendMessage(contact.chatId, text, { parse_mode: "HTML", protect_content: true, reply_markup: keyboard });
    }
    if (name === "status") {
      // Asked for information, the reporter can answer right there.
      const keyboard = status === "needs-information" ? new InlineKeyboard().text(t("reporter-answer"), REPORTER_DATA.answer(code)) : undefined;
      const text = t("reporter-status", { code, status: t(`case-status-${status}`), next: status ?? "" });
      return api.sendMessage(contact.chatId, text, { parse_mode: "HTML", protect_content: true, ...(keyboard ? { reply_markup: keyboard } : {}) });
    }
    const keyboard = new InlineKeyboard().text(t("reporter-consent-yes"), REPORTER_DATA.consent(code, true)).row().text(t("reporter-consent-no"), REPORTER_DATA.consent(code, false));
    return api.sendMessage(contact.chatId, t("reporter-consent-ask", { code, ...org }), { parse_mode: "HTML", protect_content: true, reply_markup: keyboard });
  }

  // The assignee hears it in their private chat while they still work on cases; otherwise the staff chat.
  async function toStaff({ code, kind }: Job) {
    const line = await cases.line(code);
    if (!line) return "no such case";
    const assignee = line.assignee !== undefined && (await roles.rolesOf(line.assignee)).some((role) => role === "caseworker" || role === "admin") ? line.assignee : undefined;
    const chatId = assignee ?? staffChatId;
    if (chatId === undefined) return "no one to tell";
    const locale = (assignee !== undefined && known(await roles.localeOf(assignee))) || defaultLocale;
    const { text, keyboard } = staffNotice((key, variables) => translate(locale, key, variables), code, kind ?? "added");
    return api.sendMessage(chatId, text, { parse_mode: "HTML", reply_markup: keyboard });
  }

  const worker = new Worker<Job>(
    NOTICES_QUEUE,
    async (job) => {
      try {
        await (job.name === "reporter-wrote" ? toStaff(job.data) : toReporter(job.name, job.data));
      } catch (err) {
        // A 400 fails the same way every time; a 403 means the person blocked the bot: no point retrying.
        if (err instanceof GrammyError && (err.error_code === 400 || err.error_code === 403)) throw new UnrecoverableError(err.description);
        throw err;
      }
    },
    { connection, prefix, concurrency: 4 },
  );
  worker.on("failed", (job, err) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
    logger[final ? "error" : "warn"]({ err, code: job?.data.code, notice: job?.name, attempt: job?.attemptsMade }, final ? "gave up on a notice" : "a notice failed; it will be retried");
  });
  worker.on("error", (err) => logger.warn({ err }, "the notice worker lost its Redis connection; it reconnects"));
  return worker;
}
