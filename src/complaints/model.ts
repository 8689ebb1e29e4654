/** The choices of the report form. Their labels are in locales/<locale>/report.ftl as `report-<field>-<value>`. */
export const REPORTERS = ["victim", "relative", "witness", "lawyer", "other"] as const;
export const PLACE_TYPES = ["police", "pretrial", "colony", "psychiatric", "social-care", "children", "military", "other"] as const;
export const REGIONS = ["bishkek", "osh-city", "chuy", "talas", "issyk-kul", "naryn", "jalal-abad", "osh", "batken"] as const;
export const WHEN = ["today", "yesterday", "week", "earlier"] as const;
export const CONTACTS = ["anonymous", "chat", "phone"] as const;
export const STATUSES = ["new", "in-progress", "closed", "withdrawn"] as const;

export type Reporter = (typeof REPORTERS)[number];
export type PlaceType = (typeof PLACE_TYPES)[number];
export type Region = (typeof REGIONS)[number];
export type When = (typeof WHEN)[number];
export type Status = (typeof STATUSES)[number];

export const NARRATIVE_MIN = 20;
export const NARRATIVE_MAX = 4000;
export const MAX_ATTACHMENTS = 10;
/** A text may come in several messages; each one is kept with the draft, so their number is bounded too. */
export const MAX_TEXT_PARTS = 20;

export type AttachmentKind = "photo" | "document" | "voice" | "video";
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
  narrative?: string;
  urgent?: boolean;
  attachments: Attachment[];
  contact?: Contact;
}

export type CompleteDraft = Required<Omit<Draft, "placeName" | "whenText">> & Pick<Draft, "placeName" | "whenText">;

export function isComplete(draft: Draft): draft is CompleteDraft {
  return Boolean(draft.reporter && draft.placeType && draft.region && draft.when && draft.narrative && draft.urgent !== undefined && draft.contact);
}

/** The part of a case that is encrypted at rest. */
export interface CaseSecret {
  reporter: Reporter;
  placeName?: string;
  when: When;
  whenText?: string;
  narrative: string;
  attachments: Attachment[];
  contact: Contact;
  /** The exact times; the plain fields of the case keep them only to the hour. */
  createdAt: number;
  consentAt: number;
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
  secret?: CaseSecret;
  /** Oldest first; none once the case is withdrawn. */
  additions: Addition[];
}
