import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AccountToken, { type AccountTokenPurpose } from '#modules/accounts/models/account_token'
import type User from '#modules/accounts/models/user'

function digest(secret: string) {
  return createHash('sha256').update(secret).digest('hex')
}

/**
 * Single-use, expiring links sent by mail. The secret only ever exists in
 * the mail; the database keeps its SHA-256. Issuing a new link for a
 * purpose voids the previous ones.
 */
export class AccountTokens {
  static async issue(
    user: User,
    purpose: AccountTokenPurpose,
    email: string,
    ttl: { hours?: number; minutes?: number },
    trx?: TransactionClientContract
  ): Promise<string> {
    const secret = randomBytes(32).toString('base64url')
    const options = trx ? { client: trx } : undefined
    await AccountToken.query(options)
      .where('user_id', user.id)
      .where('purpose', purpose)
      .whereNull('used_at')
      .update({ used_at: DateTime.now().toSQL() })
    await AccountToken.create(
      {
        userId: user.id,
        purpose,
        email,
        tokenHash: digest(secret),
        expiresAt: DateTime.now().plus(ttl),
        usedAt: null,
      },
      options
    )
    return secret
  }

  /** The token if it exists, has this purpose, is unused and unexpired. */
  static async findUsable(
    secret: string,
    purposes: AccountTokenPurpose[],
    trx?: TransactionClientContract
  ) {
    if (typeof secret !== 'string' || secret.length < 20 || secret.length > 100) return null
    const query = AccountToken.query(trx ? { client: trx } : undefined)
      .where('token_hash', digest(secret))
      .whereIn('purpose', purposes)
    if (trx) query.forUpdate()
    const token = await query.first()
    return token && token.isUsable ? token : null
  }

  static async consume(token: AccountToken, trx: TransactionClientContract) {
    token.useTransaction(trx)
    token.usedAt = DateTime.now()
    await token.save()
  }
}
