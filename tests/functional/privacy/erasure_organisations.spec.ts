import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  account,
  createOrganisation,
  post,
  shopFields,
} from '#tests/functional/organisations/support'
import { erase, expectRedirect } from '#tests/functional/privacy/support'

type Member = Awaited<ReturnType<typeof account>>

async function addMember(owner: Member, organisationId: number, member: Member, role: string) {
  const members = `/organisations/${organisationId}/members`
  expectRedirect(await post(owner.agent, members, { email: member.email, role }, members), 'member')
}

async function roles(organisationId: number): Promise<Record<number, string>> {
  const rows = await db.from('organisation_members').where('organisation_id', organisationId)
  return Object.fromEntries(rows.map((row) => [Number(row.user_id), row.role]))
}

test.group('Privacy: erasure and the organisations one answers for', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('the only owner leaves: the editor who joined first becomes owner and is told', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const paul = await account('Paul')
    const lea = await account('Léa')
    const shop = await createOrganisation(marie.agent, shopFields())
    await addMember(marie, shop, paul, 'editor')
    await addMember(marie, shop, lea, 'editor')
    /** Before: Paul, an editor, cannot manage members. */
    const karim = await account('Karim')
    const refused = await post(
      paul.agent,
      `/organisations/${shop}/members`,
      { email: karim.email, role: 'editor' },
      `/organisations/${shop}/members`
    )
    assert.oneOf(refused.status, [403, 404])

    mailbox.clear()
    assert.equal((await erase(marie.agent)).status, 302)

    assert.deepEqual(await roles(shop), { [paul.id]: 'owner', [lea.id]: 'editor' })
    const told = await mailbox.waitFor(paul.email)
    assert.equal(told.subject, 'Vous êtes maintenant propriétaire de « Boulangerie Linné »')
    assert.include(told.text, `/organisations/${shop}/manage`)
    assert.lengthOf(mailbox.to(lea.email), 0)
    /** And Paul now can. */
    await addMember(paul, shop, karim, 'editor')
  })

  test('with another owner, nothing changes and nobody is told', async ({ assert }) => {
    const marie = await account('Marie')
    const paul = await account('Paul')
    const lea = await account('Léa')
    const shop = await createOrganisation(marie.agent, shopFields())
    await addMember(marie, shop, paul, 'editor')
    await addMember(marie, shop, lea, 'owner')

    mailbox.clear()
    assert.equal((await erase(marie.agent)).status, 302)
    assert.deepEqual(await roles(shop), { [paul.id]: 'editor', [lea.id]: 'owner' })
    /** The notification centre is where a promotion would show first. */
    assert.lengthOf(await db.from('notifications').where('type', 'organisations.updates'), 0)
  })
})
