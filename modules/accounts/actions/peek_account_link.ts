import { AccountTokens } from '#modules/accounts/services/account_tokens'
import type { AccountTokenPurpose } from '#modules/accounts/models/account_token'

/**
 * Whether a mailed link still works, without using it up: the page behind
 * a link shows a button, so mail scanners that open links consume nothing.
 */
export default class PeekAccountLink {
  async execute(secret: string, purposes: AccountTokenPurpose[]) {
    const token = await AccountTokens.findUsable(secret, purposes)
    return token ? { email: token.email, purpose: token.purpose } : null
  }
}
