import { test } from '@japa/runner'
import RegisterResident from '#modules/accounts/actions/register_resident'
import { EmailTakenError } from '#modules/accounts/errors'
import User from '#modules/accounts/models/user'
import { resetDatabase } from '#tests/helpers/database'
import { mailbox } from '#tests/helpers/mailbox'

const input = {
  displayName: 'Jeanne D.',
  email: 'jeanne@example.org',
  password: 'un jardin partagé',
  homeAddress: '3 rue de la Paix, 75002 Paris',
  locale: 'fr',
}

test.group('RegisterResident', (group) => {
  group.each.setup(async () => {
    await resetDatabase()
    mailbox.clear()
  })

  test('two sign-ups racing for one address: one account, a clear refusal for the other', async ({
    assert,
  }) => {
    const results = await Promise.allSettled([
      new RegisterResident().execute(input),
      new RegisterResident().execute(input),
    ])
    const refused = results.filter((result) => result.status === 'rejected')
    assert.lengthOf(refused, 1)
    assert.instanceOf((refused[0] as PromiseRejectedResult).reason, EmailTakenError)
    assert.lengthOf(await User.query().where('email', input.email), 1)
  })
})
