/**
 * The rights library's structure. Order here is the order on screen; every text (title, card, next step,
 * search keywords) is in locales/<locale>/rights.ftl under `rights-<id>-…`.
 * Ids are also deep-link payloads (t.me/<bot>?start=<id>), so they stay short and use only a-z and "-".
 */
export interface Topic {
  id: string;
  parent?: string;
  /** The day the card's content was last checked against shared/domain.md. */
  reviewed: string;
  /** A card about reporting through this bot carries the button that starts a report. */
  startsReport?: boolean;
}

const REVIEWED = "2026-11-25";

export const TOPICS: readonly Topic[] = [
  { id: "torture", reviewed: REVIEWED },
  { id: "detained", reviewed: REVIEWED },
  { id: "detained-hours", parent: "detained", reviewed: REVIEWED },
  { id: "detained-lawyer", parent: "detained", reviewed: REVIEWED },
  { id: "detained-call", parent: "detained", reviewed: REVIEWED },
  { id: "detained-medical", parent: "detained", reviewed: REVIEWED },
  { id: "detained-explained", parent: "detained", reviewed: REVIEWED },
  { id: "harmed", reviewed: REVIEWED },
  { id: "harmed-doctor", parent: "harmed", reviewed: REVIEWED },
  { id: "harmed-record", parent: "harmed", reviewed: REVIEWED },
  { id: "harmed-register", parent: "harmed", reviewed: REVIEWED },
  { id: "complain", reviewed: REVIEWED },
  { id: "complain-prosecutor", parent: "complain", reviewed: REVIEWED },
  { id: "complain-ombudsman", parent: "complain", reviewed: REVIEWED },
  { id: "complain-centre", parent: "complain", reviewed: REVIEWED, startsReport: true },
  { id: "places", reviewed: REVIEWED },
  { id: "legal-aid", reviewed: REVIEWED },
  { id: "institutions", reviewed: REVIEWED },
];

const byId = new Map(TOPICS.map((topic) => [topic.id, topic]));

export function topicById(id: string): Topic | undefined {
  return byId.get(id);
}

/** Top-level topics when `parent` is undefined. */
export function childrenOf(parent: string | undefined): Topic[] {
  return TOPICS.filter((topic) => topic.parent === parent);
}
