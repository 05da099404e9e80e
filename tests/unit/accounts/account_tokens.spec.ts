import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AccountToken from '#modules/accounts/models/account_token'
import { AccountTokens } from '#modules/accounts/services/account_tokens'
import { createResident } from '#tests/helpers/residents'
import { resetDatabase } from '#tests/helpers/database'

test.group('AccountTokens', (group) => {
  group.each.setup(() => resetDatabase())

  test('stores only a SHA-256 of the secret', async ({ assert }) => {
    const user = await createResident()
    const secret = await AccountTokens.issue(user, 'password_reset', user.email, { minutes: 5 })
    const row = await AccountToken.findByOrFail('user_id', user.id)
    assert.notEqual(row.tokenHash, secret)
    assert.lengthOf(row.tokenHash, 64)
    assert.isAtLeast(secret.length, 40)
  })

  test('finds a usable token only for its purpose', async ({ assert }) => {
    const user = await createResident()
    const secret = await AccountTokens.issue(user, 'password_reset', user.email, { minutes: 5 })
    assert.isNotNull(await AccountTokens.findUsable(secret, ['password_reset']))
    assert.isNull(await AccountTokens.findUsable(secret, ['email_confirmation']))
    assert.isNull(await AccountTokens.findUsable(secret + 'x', ['password_reset']))
  })

  test('a used or expired token is not usable', async ({ assert }) => {
    const user = await createResident()
    const secret = await AccountTokens.issue(user, 'password_reset', user.email, { minutes: 5 })
    const token = (await AccountTokens.findUsable(secret, ['password_reset']))!
    await db.transaction((trx) => AccountTokens.consume(token, trx))
    assert.isNull(await AccountTokens.findUsable(secret, ['password_reset']))

    const other = await AccountTokens.issue(user, 'email_confirmation', user.email, { hours: 1 })
    await AccountToken.query()
      .where('purpose', 'email_confirmation')
      .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    assert.isNull(await AccountTokens.findUsable(other, ['email_confirmation']))
  })

  test('issuing a new token voids the previous one of the same purpose only', async ({
    assert,
  }) => {
    const user = await createResident()
    const reset = await AccountTokens.issue(user, 'password_reset', user.email, { minutes: 5 })
    const first = await AccountTokens.issue(user, 'email_confirmation', user.email, { hours: 1 })
    const second = await AccountTokens.issue(user, 'email_confirmation', user.email, { hours: 1 })
    assert.isNull(await AccountTokens.findUsable(first, ['email_confirmation']))
    assert.isNotNull(await AccountTokens.findUsable(second, ['email_confirmation']))
    assert.isNotNull(await AccountTokens.findUsable(reset, ['password_reset']))
  })
})
