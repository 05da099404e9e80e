import { test } from '@japa/runner'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { pngBytes } from '#tests/helpers/files'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { textOf } from '#tests/helpers/page_text'
import type { CommunityResident } from '#tests/helpers/community'
import {
  decide,
  makeModerator,
  neighbour,
  report,
  reportIdFor,
} from '#tests/functional/moderation/support'

const CLIGNANCOURT = { longitude: 2.3466, latitude: 48.8909 }

/** A resident with a photo who shows their street to the neighbourhood ("rue Linné"). */
async function residentWithPhoto(name: string): Promise<CommunityResident> {
  const resident = await neighbour(name)
  const upload = await resident.agent.upload(
    '/profile/photo',
    {},
    { field: 'photo', name: 'moi.png', type: 'image/png', bytes: await pngBytes() },
    { from: '/profile' }
  )
  if (upload.status !== 302) throw new Error(`photo refused (${upload.status})`)
  const visibility = await resident.agent.submit(
    '/profile/visibility',
    { street_visibility: 'neighbourhood', photo_visibility: 'neighbourhood' },
    { from: '/profile' }
  )
  if (visibility.status !== 302) throw new Error(`visibility refused (${visibility.status})`)
  return resident
}

async function profileRow(id: number) {
  return db.from('users').where('id', id).select('photo_key', 'profile_hidden_at').firstOrFail()
}

/** The file is deleted after the commit, possibly just after the response. */
async function fileGone(key: string): Promise<boolean> {
  const path = join(process.env.DRIVE_ROOT!, key)
  for (let attempt = 0; attempt < 20; attempt++) {
    const exists = await access(path).then(
      () => true,
      () => false
    )
    if (!exists) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

test.group('Moderation: reported profiles', (group) => {
  group.setup(async () => {
    await loadParis()
  })
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a neighbour reports a profile from its page; the resident has no button on their own', async ({
    assert,
  }) => {
    const camille = await residentWithPhoto('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const page = `/residents/${camille.id}`

    const seen = await lea.agent.get(page)
    assert.equal(seen.status, 200)
    assert.include(seen.text, 'name="kind" value="profile"')
    const own = await camille.agent.get(page)
    assert.equal(own.status, 200)
    assert.notInclude(own.text, 'name="kind" value="profile"')

    const response = await report(lea.agent, 'profile', camille.id, page, {
      report_reason: 'insult',
    })
    assert.equal(response.status, 302)
    assert.equal(response.location, page)
    const rows = await db.from('reports').where({ kind: 'profile', content_id: camille.id })
    assert.lengthOf(rows, 1)
    assert.equal(Number(rows[0].reporter_id), lea.id)
    assert.equal(Number(rows[0].author_id), camille.id)
    assert.equal(Number(rows[0].neighbourhood_id), camille.neighbourhoodId)

    /** One's own profile cannot be reported (as if it were not there). */
    assert.equal((await report(camille.agent, 'profile', camille.id, page)).status, 404)
    assert.lengthOf(await db.from('reports').where({ reporter_id: camille.id }), 0)
  })

  test('a resident of a far neighbourhood cannot report a profile they cannot see', async ({
    assert,
  }) => {
    const camille = await residentWithPhoto('Camille Martin')
    const farid = await neighbour('Farid Haddad', { at: CLIGNANCOURT })
    assert.equal((await farid.agent.get(`/residents/${camille.id}`)).status, 404)
    /** A token from a page they may open: the form itself is refused with 404. */
    const response = await report(farid.agent, 'profile', camille.id, '/profile')
    assert.equal(response.status, 404)
    assert.lengthOf(await db.from('reports'), 0)
  })

  test('three verified reporters hide the photo and the street; the resident and moderators still see them', async ({
    assert,
  }) => {
    const camille = await residentWithPhoto('Camille Martin')
    const page = `/residents/${camille.id}`
    const viewer = await neighbour('Nina Roux')
    const before = await viewer.agent.get(page)
    assert.include(before.text, `${page}/photo`)
    assert.include(before.text, 'rue Linné')

    for (const name of ['Léa Dubois', 'Karim Benali', 'Hugo Petit']) {
      const reporter = await neighbour(name)
      assert.equal((await report(reporter.agent, 'profile', camille.id, page)).status, 302)
    }
    assert.isNotNull((await profileRow(camille.id)).profile_hidden_at)
    const logged = await db.from('moderation_actions').where({
      kind: 'profile',
      content_id: camille.id,
    })
    assert.lengthOf(logged, 1)
    assert.equal(logged[0].action, 'auto_hide')

    /** Others: the name and the neighbourhood only. */
    const hidden = await viewer.agent.get(page)
    assert.equal(hidden.status, 200)
    assert.include(textOf(hidden), 'Camille Martin')
    assert.notInclude(hidden.text, `${page}/photo`)
    assert.notInclude(hidden.text, 'rue Linné')
    assert.notInclude(textOf(hidden), 'masqué par la modération')
    assert.equal((await viewer.agent.get(`${page}/photo`)).status, 404)

    /** The resident sees everything, with a notice and the way to appeal. */
    const own = await camille.agent.get(page)
    assert.equal(own.status, 200)
    assert.include(textOf(own), 'masqué par la modération')
    assert.include(own.text, `${page}/photo`)
    assert.include(own.text, 'rue Linné')
    assert.include(own.text, 'href="/moderation/appeals"')
    assert.equal((await camille.agent.get(`${page}/photo`)).status, 200)

    /** A moderator of the neighbourhood living elsewhere still opens it, photo included. */
    const moderator = await neighbour('Omar Said', { at: CLIGNANCOURT })
    assert.equal((await moderator.agent.get(page)).status, 404)
    await makeModerator(moderator.id, camille.neighbourhoodId!)
    const reviewed = await moderator.agent.get(page)
    assert.equal(reviewed.status, 200)
    assert.include(textOf(reviewed), 'masqué par la modération')
    assert.include(reviewed.text, `${page}/photo`)
    assert.equal((await moderator.agent.get(`${page}/photo`)).status, 200)
  })

  test('a moderator’s "remove" deletes the photo and keeps the profile hidden', async ({
    assert,
  }) => {
    const camille = await residentWithPhoto('Camille Martin')
    const page = `/residents/${camille.id}`
    const lea = await neighbour('Léa Dubois')
    await report(lea.agent, 'profile', camille.id, page)
    const moderator = await neighbour('Hugo Petit')
    await makeModerator(moderator.id, camille.neighbourhoodId!)
    const reportId = await reportIdFor('profile', camille.id)
    const { photo_key: key } = await profileRow(camille.id)
    assert.isString(key)

    const reportPage = await moderator.agent.get(`/moderation/reports/${reportId}`)
    assert.equal(reportPage.status, 200)
    assert.include(textOf(reportPage), 'Camille Martin (photo)')

    const response = await decide(moderator.agent, reportId, 'remove')
    assert.equal(response.status, 302)
    const row = await profileRow(camille.id)
    assert.isNull(row.photo_key)
    assert.isNotNull(row.profile_hidden_at)
    assert.isTrue(await fileGone(key))

    assert.equal((await camille.agent.get(`${page}/photo`)).status, 404)
    const seen = await lea.agent.get(page)
    assert.equal(seen.status, 200)
    assert.notInclude(seen.text, `${page}/photo`)
    const filed = await db
      .from('reports')
      .where({ kind: 'profile', content_id: camille.id })
      .firstOrFail()
    assert.equal(filed.status, 'actioned')
    const action = await db
      .from('moderation_actions')
      .where({ kind: 'profile', content_id: camille.id, action: 'remove' })
    assert.lengthOf(action, 1)
  })
})
