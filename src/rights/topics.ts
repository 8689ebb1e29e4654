/**
 * The rights library's structure. Order here is the order on screen; every text (title, card, next step,
 * search keywords) is in locales/<locale>/rights.ftl under `rights-<id>-…`.
 * Ids are also deep-link payloads (t.me/<bot>?start=<id>), so they stay short and use only a-z and "-".
 */
export interface Topic {
  id: string;
  parent?: string;
  /** The day this card's content was last checked against shared/domain.md. */
  reviewed: string;
  /** Other cards its "what to do next" sends the person to, shown as buttons. */
  see?: string[];
  /** Its "what to do next" sends the person to the contacts. */
  contacts?: true;
  /** A card about abuse, or about reporting through this bot, carries the button that starts a report. */
  startsReport?: true;
}

export const TOPICS: readonly Topic[] = [
  { id: "torture", reviewed: "2026-11-30", see: ["harmed"], startsReport: true },
  { id: "detained", reviewed: "2026-11-30" },
  { id: "detained-hours", parent: "detained", reviewed: "2026-11-30", see: ["detained-lawyer"], contacts: true },
  { id: "detained-lawyer", parent: "detained", reviewed: "2026-11-30", see: ["legal-aid"] },
  { id: "detained-call", parent: "detained", reviewed: "2026-11-25" },
  { id: "detained-medical", parent: "detained", reviewed: "2026-11-30", see: ["harmed-doctor"], startsReport: true },
  { id: "detained-explained", parent: "detained", reviewed: "2026-11-30" },
  { id: "harmed", reviewed: "2026-11-30", startsReport: true },
  { id: "harmed-doctor", parent: "harmed", reviewed: "2026-11-30", startsReport: true },
  { id: "harmed-record", parent: "harmed", reviewed: "2026-11-30", see: ["complain"], startsReport: true },
  { id: "harmed-register", parent: "harmed", reviewed: "2026-11-30", see: ["complain-ombudsman", "legal-aid"], startsReport: true },
  { id: "complain", reviewed: "2026-11-30", startsReport: true },
  { id: "complain-prosecutor", parent: "complain", reviewed: "2026-11-30", see: ["legal-aid"] },
  { id: "complain-ombudsman", parent: "complain", reviewed: "2026-11-30", contacts: true },
  { id: "complain-centre", parent: "complain", reviewed: "2026-11-30", contacts: true, startsReport: true },
  { id: "places", reviewed: "2026-11-30", contacts: true, startsReport: true },
  { id: "legal-aid", reviewed: "2026-11-25", contacts: true },
  { id: "institutions", reviewed: "2026-11-30", contacts: true, startsReport: true },
];

const byId = new Map(TOPICS.map((topic) => [topic.id, topic]));

export function topicById(id: string): Topic | undefined {
  return byId.get(id);
}

/** Top-level topics when `parent` is undefined. */
export function childrenOf(parent: string | undefined): Topic[] {
  return TOPICS.filter((topic) => topic.parent === parent);
}
