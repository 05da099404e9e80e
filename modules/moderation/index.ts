/**
 * Public API of the moderation module (other modules import only this).
 * Content modules register what residents may report (registerReportable,
 * from their provider's boot()) and guard their publishing actions with
 * guardPost(); moderation never reads their tables.
 *
 * Hidden content: a content module's queries leave out rows whose
 * `hidden_at` is set, except for hiddenContentViewer() (its author, who
 * sees the `moderation::components/hidden_notice`, and its moderators).
 * Views offer `moderation::components/report_button` (props kind, id).
 */
export {
  registerReportable,
  type Reportable,
  type ReportedContent,
} from '#modules/moderation/services/reportables'
export { hiddenContentViewer, mayModerate } from '#modules/moderation/services/access'
export { standingSanction, type StandingSanction } from '#modules/moderation/queries/sanctions'
export { moderationQueueCounts } from '#modules/moderation/queries/queue_counts'

/**
 * New residents' limits (first 7 days: 5 posts a day, no links) and the
 * kindness reminder. A publishing controller calls checkBeforePublishing()
 * once its form is valid and includes `moderation::components/kindness_reminder`
 * in its form; its action calls guardPost(userId, { texts, kind }, trx) then
 * recordPost(userId, kind, trx) inside the transaction that writes the post.
 */
export {
  guardPost,
  recordPost,
  type PostDraft,
} from '#modules/moderation/services/posting_guard/guard'
export { checkBeforePublishing } from '#modules/moderation/services/posting_guard/before_publishing'
export {
  LinksNotAllowedError,
  PostingGuardError,
  PostingLimitError,
} from '#modules/moderation/services/posting_guard/errors'
export { POST_KINDS, type PostKind } from '#modules/moderation/services/posting_guard/settings'
export { kindnessCheck, type KindnessResult } from '#modules/moderation/services/kindness/check'
