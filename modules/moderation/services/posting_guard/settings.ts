/**
 * New residents' limits, as Discourse's trust level 0: during the first
 * days of an account, few posts a day and no links. Spammers and trolls
 * mostly use fresh accounts; a neighbour who stays gets the full
 * freedom after a week without asking anyone.
 */
export const postingGuardSettings = {
  /** An account is "new" this long after it was created. */
  newAccountDays: 7,
  /** Posts a new resident may publish in any window of `windowHours`. */
  postsPerWindow: 5,
  /** A sliding window (as Discourse's per-day limits): no burst at midnight. */
  windowHours: 24,
}

/**
 * What a resident publishes, and which new-resident rules apply to it.
 * Every kind refuses links from a new account (a link is how spam and
 * phishing reach neighbours, in a public post as in a private message).
 * Messages do not count towards the daily posts: arranging one exchange
 * takes more than five lines a day, and messaging's own rate limit
 * (30 per 10 minutes) already brakes floods. Alerts count: they are
 * urgent but reach phones, so a fresh account must not fire many.
 */
export const POST_KINDS = {
  exchange: { counted: true },
  event: { counted: true },
  group_buy: { counted: true },
  alert: { counted: true },
  notice_reply: { counted: true },
  message: { counted: false },
} as const

export type PostKind = keyof typeof POST_KINDS
