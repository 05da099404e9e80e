/** Why a resident reports something (a fixed list: moderators sort by it). */
export const REPORT_REASONS = [
  'insult',
  'harassment',
  'spam',
  'scam',
  'dangerous',
  'personal_data',
  'other',
] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** What a moderator may do with reported content or its author. */
export const MODERATOR_ACTIONS = ['dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban'] as const
export type ModeratorAction = (typeof MODERATOR_ACTIONS)[number]

/** Every line of the log: the moderators', the automatic hide and appeal decisions. */
export type LoggedAction = ModeratorAction | 'auto_hide' | 'appeal_upheld' | 'appeal_overturned'

/** Actions an author may appeal (a dismissal is not against them). */
export const APPEALABLE: readonly LoggedAction[] = [
  'auto_hide',
  'hide',
  'remove',
  'warn',
  'suspend',
  'ban',
]

export const moderationSettings = {
  /** Reports from distinct verified residents that hide content pending review. */
  hideThreshold: 3,
  noteMax: 500,
  reasonMin: 3,
  reasonMax: 500,
  appealMin: 10,
  appealMax: 2000,
  suspendDaysMax: 365,
  /** Reports per resident per day. */
  reportsPerDay: 20,
  /** Lines of the public log per page. */
  logPageSize: 50,
}

/** The reason stored for an automatic hide (the log shows a translated sentence). */
export const AUTO_HIDE_REASON = 'reports_threshold'
