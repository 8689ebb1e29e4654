import type { Status } from "./statuses.js";

/** The choices of the report form. Their labels are in locales/<locale>/report.ftl as `report-<field>-<value>`. */
export const REPORTERS = ["victim", "relative", "witness", "lawyer", "other"] as const;
export const PLACE_TYPES = ["police", "pretrial", "colony", "psychiatric", "social-care", "children", "military", "other"] as const;
// Stored as they are and counted for statistics: a value, once used, keeps its meaning; new ones go at the end.
export const REGIONS = ["bishkek", "osh-city", "chuy", "talas", "issyk-kul", "naryn", "jalal-abad", "osh", "batken", "abroad", "unknown"] as const;
export const WHEN = ["today", "yesterday", "week", "earlier"] as const;
export const CONTACTS = ["anonymous", "chat", "phone"] as const;

export type Reporter = (typeof REPORTERS)[number];
export type PlaceType = (typeof PLACE_TYPES)[number];
export type Region = (typeof REGIONS)[number];
export type When = (typeof WHEN)[number];

export const NARRATIVE_MIN = 20;
export const NARRATIVE_MAX = 4000;
export const MAX_ATTACHMENTS = 10;
/** A text may come in several messages; each one is kept with the draft, so their number is bounded too. */
export const MAX_TEXT_PARTS = 20;

export type AttachmentKind = "photo" | "document" | "voice" | "video" | "video_note";
export interface Attachment {
  kind: AttachmentKind;
  fileId: string;
  /** What the person wrote under the file, if anything. */
  caption?: string;
}

export type Contact = { kind: "anonymous" } | { kind: "chat"; chatId: number } | { kind: "phone"; phone: string };

/** What the person has told so far. Lives only in the (encrypted) conversation state until it is sent. */
export interface Draft {
  reporter?: Reporter;
  placeType?: PlaceType;
  region?: Region;
  placeName?: string;
  when?: When;
  whenText?: string;
  /** What happened, as typed; empty when it was only told in recordings. */
  narrative?: string;
  /** Voice or video notes in which the person told what happened, instead of typing it or besides. */
  recordings?: Attachment[];
  urgent?: boolean;
  attachments: Attachment[];
  contact?: Contact;
  /** Asked only of a reporter to be answered in the chat: whether to hear when the case's status changes. */
  notify?: boolean;
}

type Optional = "placeName" | "whenText" | "recordings" | "notify";
export type CompleteDraft = Required<Omit<Draft, Optional>> & Pick<Draft, Optional>;

export function isComplete(draft: Draft): draft is CompleteDraft {
  return Boolean(draft.reporter && draft.placeType && draft.region && draft.when && draft.narrative !== undefined && draft.urgent !== undefined && draft.contact);
}

/** The part of a case that is encrypted at rest. */
export interface CaseSecret {
  reporter: Reporter;
  placeName?: string;
  when: When;
  whenText?: string;
  narrative: string;
  /** Cases sent before the narrative could be recorded have none. */
  recordings?: Attachment[];
  attachments: Attachment[];
  contact: Contact;
  /** The exact times; the plain fields of the case keep them only to the hour. */
  createdAt: number;
  consentAt: number;
  /** The reporter's language, for what the organisation sends them; cases sent before it was kept have none. */
  locale?: string;
  /**
   * The reporter's pseudonym (earlier versions: the key of their own list), so deleting the personal data
   * takes the case out of their list too.
   */
  owner?: string;
}

/** Information and evidence added later with the code and PIN: each one its own encrypted entry. */
export interface Addition {
  at: number;
  text?: string;
  attachments: Attachment[];
}

/**
 * A case as staff and the reporter see it, decrypted. Withdrawn cases have no secret left. The times are
 * exact when the secret could be read and rounded down to the hour otherwise.
 */
export interface Case {
  code: string;
  status: Status;
  placeType: PlaceType;
  region: Region;
  urgent: boolean;
  createdAt: number;
  updatedAt: number;
  consentVersion: string;
  consentAt: number;
  /** The caseworker's Telegram id, once the case is assigned. */
  assignee?: number;
  /** When it was first referred, closed, asked for information or replied to. */
  firstActionAt?: number;
  referredTo?: string;
  closedReason?: string;
  /** Whether its identifying details may be passed on: asked and not yet answered, or the answer. */
  shareConsent?: "asked" | "yes" | "no";
  /** The reporter asked to hear when the status changes. */
  notify: boolean;
  /** A closed case's personal data is deleted after this time. */
  retainUntil?: number;
  /** When its personal data was deleted; the plain fields remain for the statistics. */
  purgedAt?: number;
  secret?: CaseSecret;
  /** Oldest first; none once the case is withdrawn. */
  additions: Addition[];
}

/** What a reporter agreed to, as a case keeps it: the consent text's date and the retention it stated. */
export const consentVersion = (text: string, retentionDays: number) => `${text}, ${retentionDays} d`;

/** The parts of what consentVersion wrote; older cases kept the text's date alone. */
export function consentParts(stored: string): { text: string; retentionDays?: number } {
  const [, text, days] = /^(.*), (\d+) d$/.exec(stored) ?? [];
  return text && days ? { text, retentionDays: Number(days) } : { text: stored };
}

