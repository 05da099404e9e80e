import { test } from '@japa/runner'
import { pngBytes } from '#tests/helpers/files'
import { PLACES } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { person, type Person } from '#tests/functional/privacy/support'

function setVisibility(resident: Person, street: string, photo: string) {
  return resident.agent.submit(
    '/profile/visibility',
    { street_visibility: street, photo_visibility: photo },
    { from: '/profile' }
  )
}

test.group('Privacy: profile visibility', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a far resident gets 404; street and photo follow the settings', async ({ assert }) => {
    const anna = await person('Anna', { street: 'rue des Écoles' })
    const bruno = await person('Bruno')
    const far = await person('Farid', { at: PLACES.clignancourt })
    const page = `/residents/${anna.id}`

    const upload = await anna.agent.upload(
      '/profile/photo',
      {},
      { field: 'photo', name: 'moi.png', type: 'image/png', bytes: await pngBytes() },
      { from: '/profile' }
    )
    assert.equal(upload.status, 302)

    assert.equal((await far.agent.get(page)).status, 404)
    assert.equal((await far.agent.get(`${page}/photo`)).status, 404)

    /** Defaults: street hidden, photo for the neighbourhood. */
    let seen = await bruno.agent.get(page)
    assert.equal(seen.status, 200)
    assert.include(seen.text, 'Anna')
    assert.notInclude(seen.text, 'rue des Écoles')
    assert.include(seen.text, `${page}/photo`)
    assert.equal((await bruno.agent.get(`${page}/photo`)).status, 200)

    assert.equal((await setVisibility(anna, 'neighbourhood', 'nobody')).status, 302)
    seen = await bruno.agent.get(page)
    assert.include(seen.text, 'rue des Écoles')
    /** Never the house number. */
    assert.notInclude(seen.text, anna.address.split(' ')[0] + ' rue')
    assert.notInclude(seen.text, `${page}/photo`)
    assert.equal((await bruno.agent.get(`${page}/photo`)).status, 404)

    /** Anna always sees her own photo. */
    assert.equal((await anna.agent.get(`${page}/photo`)).status, 200)

    const refused = await setVisibility(anna, 'everyone', 'nobody')
    assert.equal(refused.status, 422)
  })
})

test.group('Privacy: the privacy page', () => {
  test('is public, in French and English, and linked from every page footer', async ({
    assert,
  }) => {
    const { Agent } = await import('#tests/helpers/agent')
    const french = await new Agent('fr').get('/privacy')
    assert.equal(french.status, 200)
    assert.include(french.text, 'Ce que Quartier enregistre')
    const english = await new Agent('en').get('/privacy')
    assert.include(english.text, 'What Quartier stores')
    const home = await new Agent('fr').get('/login')
    assert.include(home.text, 'href="/privacy"')
  })
})
