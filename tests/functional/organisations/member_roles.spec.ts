import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import router from '@adonisjs/core/services/router'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { resetDatabase } from '#tests/helpers/database'
import {
  account,
  createOrganisation,
  errorsIn,
  post,
  shopFields,
} from '#tests/functional/organisations/support'

async function roleIn(organisationId: number, userId: number) {
  const row = await db
    .from('organisation_members')
    .where({ organisation_id: organisationId, user_id: userId })
    .first()
  return row?.role ?? null
}

function changeRole(
  agent: Awaited<ReturnType<typeof account>>['agent'],
  organisationId: number,
  userId: number,
  role: string
) {
  return post(
    agent,
    `/organisations/${organisationId}/members/${userId}/role`,
    { role },
    `/organisations/${organisationId}/members`
  )
}

test.group('Organisations: member roles', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  group.each.setup(async () => {
    await resetDatabase({ keep: GEO_TABLES })
  })

  test('the owner makes an editor owner and an owner editor, never leaving the organisation without an owner', async ({
    assert,
  }) => {
    const marie = await account('Marie')
    const paul = await account('Paul')
    const shopId = await createOrganisation(marie.agent, shopFields())
    const added = await post(
      marie.agent,
      `/organisations/${shopId}/members`,
      { email: paul.email, role: 'editor' },
      `/organisations/${shopId}/members`
    )
    assert.equal(added.status, 302)

    /** The last owner cannot step down: a clear refusal, nothing changes. */
    const alone = await changeRole(marie.agent, shopId, marie.id, 'editor')
    assert.equal(alone.status, 409)
    assert.include(
      errorsIn(alone.text).join(' '),
      'C’est le dernier propriétaire : nommez d’abord un autre propriétaire'
    )
    assert.equal(await roleIn(shopId, marie.id), 'owner')

    /** An editor may not change roles (403), not even their own. */
    const editor = await changeRole(paul.agent, shopId, paul.id, 'owner')
    assert.equal(editor.status, 403)
    assert.equal(await roleIn(shopId, paul.id), 'editor')

    const members = await marie.agent.get(`/organisations/${shopId}/members`)
    assert.include(members.text, `/organisations/${shopId}/members/${paul.id}/role`)

    assert.equal((await changeRole(marie.agent, shopId, paul.id, 'owner')).status, 302)
    assert.equal(await roleIn(shopId, paul.id), 'owner')
    /** Now there are two owners: Marie may step down, then Paul is the last one. */
    assert.equal((await changeRole(marie.agent, shopId, marie.id, 'editor')).status, 302)
    assert.equal(await roleIn(shopId, marie.id), 'editor')
    assert.equal((await changeRole(paul.agent, shopId, paul.id, 'editor')).status, 409)
    assert.equal(await roleIn(shopId, paul.id), 'owner')

    /** Bad input: an unknown role (422), someone not a member (409), an outsider (404). */
    const bad = await changeRole(paul.agent, shopId, marie.id, 'king')
    assert.equal(bad.status, 422)
    const outsider = await account('Olga')
    assert.equal((await changeRole(paul.agent, shopId, outsider.id, 'owner')).status, 409)
    const foreign = await post(
      outsider.agent,
      `/organisations/${shopId}/members/${paul.id}/role`,
      { role: 'editor' },
      '/organisations/new'
    )
    assert.equal(foreign.status, 404)
    assert.equal(await roleIn(shopId, paul.id), 'owner')
  })

  test('the access matrix of organisation routes includes the new ones', async ({ assert }) => {
    const patterns = Object.values(router.toJSON())
      .flat()
      .map((route) => route.pattern)
    for (const pattern of [
      '/organisations/:id/members/:userId/role',
      '/organisations/:id/events/new',
      '/organisations/:id/events',
    ]) {
      assert.include(patterns, pattern)
    }
  })
})
