/**
 * Public API of the verification module: the only file other modules
 * import. "Is my neighbour really my neighbour?"
 *
 * Guard a verified-only action with `authorizeTrust(userId, 'post')` in
 * the action or `middleware.verified({ ability: 'post' })` on the route:
 * an unverified resident gets a 403 page telling them how to get verified.
 */
export {
  ABILITIES,
  authorNameFor,
  publicName,
  isVerified,
  levelAllows,
  trustLevel,
  trustLevelOf,
  type Ability,
  type TrustLevel,
} from '#modules/verification/services/trust'
export { authorizeTrust } from '#modules/verification/services/policy'
export { VerificationRequiredError } from '#modules/verification/services/verification_required'
export type { VerificationMethod } from '#modules/verification/models/verification'
export { demoVerifications } from '#modules/verification/services/demo_verifications'

/** Back office dashboard: verifications per week and what waits in the queues. */
export {
  verificationQueueCounts,
  weeklyVerifications,
} from '#modules/verification/queries/back_office_figures'
