import type { OutboxEntry } from "../jobs/outbox.js";

export const ALERTS_QUEUE = "alerts";

/** The staff alert about a new case, as written to the outbox together with the case. */
export const newCaseAlert = (code: string): OutboxEntry => ({ id: `alert-${code}`, queue: ALERTS_QUEUE, name: "new-case", data: { code } });

/** What the organisation sends a reporter (replies, status changes, requests) and what staff hear back. */
export const NOTICES_QUEUE = "notices";
