/**
 * Where a case stands, and how it may move. A caseworker moves it; only the reporter withdraws it, and a
 * withdrawn case moves no more. A referral names the body, a closing its reason.
 */
export const STATUSES = ["new", "in-review", "needs-information", "referred", "closed", "withdrawn"] as const;
export type Status = (typeof STATUSES)[number];
/** Still being worked on: neither closed nor withdrawn. */
export const OPEN_STATUSES = ["new", "in-review", "needs-information", "referred"] as const satisfies readonly Status[];

export const REFERRAL_BODIES = ["prosecutor", "ombudsman"] as const;
export const CLOSE_REASONS = ["acted-on", "referred-elsewhere", "no-contact", "outside-mandate", "duplicate"] as const;
export type ReferralBody = (typeof REFERRAL_BODIES)[number];
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const isReferralBody = (value: string | undefined): value is ReferralBody => REFERRAL_BODIES.some((body) => body === value);
export const isCloseReason = (value: string | undefined): value is CloseReason => CLOSE_REASONS.some((reason) => reason === value);

/** What a caseworker can move a case to, by where it is now. */
export const NEXT: Readonly<Record<Status, readonly Status[]>> = {
  new: ["in-review", "needs-information", "referred", "closed"],
  "in-review": ["needs-information", "referred", "closed"],
  "needs-information": ["in-review", "referred", "closed"],
  referred: ["in-review", "closed"],
  closed: ["in-review"],
  withdrawn: [],
};

/** The statuses a case may be in for a move to `to` to be allowed. */
export const movableFrom = (to: Status): Status[] => STATUSES.filter((from) => NEXT[from].includes(to));

/** The detail a move needs: the body referred to, or the reason for closing. */
export type MoveDetail = { to: "referred"; body: ReferralBody } | { to: "closed"; reason: CloseReason } | { to: "in-review" | "needs-information" };

/** Cases stored before the review statuses existed called "in review" "in-progress". */
export function statusOf(stored: string | undefined): Status | undefined {
  if (stored === "in-progress") return "in-review";
  return STATUSES.find((status) => status === stored);
}
