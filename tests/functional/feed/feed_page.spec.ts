import { test } from '@japa/runner'
import { encodeCursor } from '#modules/feed/services/cursor'
import { Agent } from '#tests/helpers/agent'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { FEED, LYON, neighbourhoodId, resident } from '#tests/functional/feed/feed_support'

test.group('Feed page: who sees what page', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a visitor is sent to the login page', async ({ assert }) => {
    const response = await new Agent().get(FEED)
    assert.equal(response.status, 302)
    assert.include(response.location, '/login')
  })

  test('"Mon quartier" in the header leads to the feed', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const page = await camille.agent.get('/profile')
    assert.match(page.text, /<a href="\/feed">\s*Mon quartier\s*<\/a>/)
  })

  test('a resident without a home is asked to give their address', async ({ assert }) => {
    const nomad = await resident('Noé Nomade', { at: null })
    const page = await nomad.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Indiquez d&#x27;abord votre domicile')
    assert.include(page.text, 'href="/home"')
    assert.notInclude(page.text, 'role="search"')
    assert.notInclude(page.text, 'x-data="feedBanner"')
  })

  test('a resident outside every neighbourhood is invited to draw theirs (English)', async ({
    assert,
  }) => {
    const tom = await resident('Tom Baker', { at: LYON, locale: 'en' })
    const page = await tom.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Your neighbourhood does not exist yet')
    assert.include(page.text, 'Draw my neighbourhood')
    assert.include(page.text, 'href="/home"')
  })

  test('a placed resident gets the header, the filters and an empty feed inviting to post', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const page = await camille.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Saint-Victor')
    assert.include(page.text, 'href="/neighbourhoods/saint-victor"')
    assert.match(page.text, /<a class="button" href="\/exchanges\/new">\s*Publier\s*<\/a>/)
    assert.match(page.text, /<a href="\/exchanges\/mine">\s*Mes annonces\s*<\/a>/)
    assert.match(page.text, /<a href="\/rides">\s*Covoiturage\s*<\/a>/)
    /** The filters: a GET form that works without JavaScript. */
    assert.match(page.text, /<form[^>]*class="feed-filters"[^>]*method="GET"[^>]*action="\/feed"/)
    assert.include(page.text, 'name="kind"')
    assert.include(page.text, 'name="category"')
    assert.include(page.text, 'name="q"')
    /** Nothing yet: post, or invite the neighbours. */
    assert.include(page.text, 'Rien pour l&#x27;instant dans votre quartier')
    assert.include(page.text, 'href="/neighbourhood/invite"')
    assert.notInclude(page.text, 'rel="next"')
    /** Verified: no invitation to verify. */
    assert.notInclude(page.text, 'id="feed-unverified"')
    /** The live banner listens to the resident's own neighbourhood. */
    const own = await neighbourhoodId('saint-victor')
    assert.include(page.text, `data-channel="neighbourhoods/${own}/feed"`)
  })

  test('an unverified resident reads the feed and is invited to verify', async ({ assert }) => {
    const lea = await resident('Léa Dubois', { verified: false })
    const page = await lea.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.include(page.text, 'id="feed-unverified"')
    assert.include(page.text, 'href="/verify"')
    assert.include(page.text, 'Vérifier mon adresse')
  })
})

test.group('Feed page: bad query strings', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  const tampered = [
    ['not base64', '%%%'],
    ['base64 of nonsense', Buffer.from('hello world').toString('base64url')],
    [
      'an impossible date',
      Buffer.from('2026-02-30T10:00:00.000Z exchanges 4').toString('base64url'),
    ],
    ['a negative id', Buffer.from('2026-05-04T10:00:00.000Z exchanges -4').toString('base64url')],
    ['an SQL payload', Buffer.from("2026-05-04T10:00:00.000Z x'-- 1").toString('base64url')],
    ['a huge value', 'A'.repeat(5000)],
  ]
  for (const [label, before] of tampered) {
    test(`a tampered "Older" link (${label}) answers 422 with a message`, async ({ assert }) => {
      const camille = await resident('Camille Martin')
      const page = await camille.agent.get(`${FEED}?before=${encodeURIComponent(before)}`)
      assert.equal(page.status, 422)
      assert.include(
        page.text,
        'Ce lien vers les publications plus anciennes n&#x27;est pas valide'
      )
      assert.include(page.text, 'href="/feed"')
      assert.notInclude(page.text, 'data-feed-item=')
    })
  }

  test('a well-formed cursor past the end shows that nothing is older', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const before = encodeCursor({
      publishedAt: new Date('2000-01-01T00:00:00.000Z'),
      source: 'exchanges',
      id: 1,
    })
    const page = await camille.agent.get(`${FEED}?before=${before}`)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Il n&#x27;y a pas de publication plus ancienne.')
    assert.include(page.text, 'Revenir aux plus récentes')
  })

  test('unknown kinds and categories, long searches and repeated fields answer 422 (fr, en)', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const kind = await camille.agent.get(`${FEED}?kind=weapons`)
    assert.equal(kind.status, 422)
    assert.include(kind.text, 'Choisissez un type de publication dans la liste.')

    const category = await camille.agent.get(`${FEED}?category=%3Cscript%3E`)
    assert.equal(category.status, 422)
    assert.include(category.text, 'Choisissez une catégorie dans la liste.')
    assert.notInclude(category.text, '<script>')

    const long = await camille.agent.get(`${FEED}?q=${'v'.repeat(101)}`)
    assert.equal(long.status, 422)
    assert.include(long.text, 'Votre recherche doit faire au plus 100 caractères.')
    /** What was typed comes back in the box. */
    assert.include(long.text, `value="${'v'.repeat(101)}"`)

    const repeated = await camille.agent.get(`${FEED}?q=a&q=b`)
    assert.equal(repeated.status, 422)

    const tom = await resident('Tom Baker', { locale: 'en' })
    const english = await tom.agent.get(`${FEED}?q=${'v'.repeat(101)}`)
    assert.equal(english.status, 422)
    assert.include(english.text, 'Your search must be at most 100 characters long.')
    const cursor = await tom.agent.get(`${FEED}?before=nope`)
    assert.equal(cursor.status, 422)
    assert.include(cursor.text, 'This link to older posts is not valid.')
  })

  test('a JSON client gets the messages as JSON', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const response = await camille.agent.get(`${FEED}?kind=weapons`, { accept: 'application/json' })
    assert.equal(response.status, 422)
    const body = JSON.parse(response.text)
    assert.deepEqual(body.errors, { kind: ['Choisissez un type de publication dans la liste.'] })
  })

  test('empty filters (an untouched form) are the whole feed', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const page = await camille.agent.get(`${FEED}?kind=&category=&q=+`)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Rien pour l&#x27;instant dans votre quartier')
  })
})
