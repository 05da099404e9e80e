import {
  levelAllows,
  trustLevel,
  type Ability,
  type TrustLevel,
} from '#modules/verification/services/trust'
import { VerificationRequiredError } from '#modules/verification/services/verification_required'

/**
 * The one check every module calls before a verified-only action: returns
 * the resident's level, or throws VerificationRequiredError (a 403 page
 * telling them how to get verified).
 */
export async function authorizeTrust(userId: number, ability: Ability): Promise<TrustLevel> {
  const level = await trustLevel(userId)
  if (!levelAllows(level, ability)) throw new VerificationRequiredError(ability)
  return level
}
