import { Context } from "grammy";
import type { Update } from "grammy/types";
import { KEYS } from "../redis.js";

/** Whose update this is, as the bot's context names them (ctx.from): the same person for the journal and the bot. */
export const senderOf = (update: Update): number | undefined => new Context(update, undefined as never, undefined as never).from?.id;

/** The person's recorded updates not yet handled, by update id: the journal adds them, their turn takes them out. */
export const personQueueKey = (person: string) => `${KEYS.updatesPerson}${person}`;
