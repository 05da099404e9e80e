import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { FeedSource } from '#modules/feed/index'
import { registerFeedSource, unregisterFeedSource } from '#modules/feed/services/registry'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  FEED,
  JARDIN_DES_PLANTES,
  cardKeys,
  olderLink,
  resident,
  type Resident,
} from '#tests/functional/feed/feed_support'

/**
 * The feed page on real exchanges, posted through the exchange form by
 * verified residents of real Paris quartiers: what each viewer sees and
 * in which order, the filters, the search, the pages, the escaping, and
 * a broken source beside them.
 */
const EXCHANGE = {
  direction: 'offer',
  kind: 'loan',
  category: 'tools',
  description: 'Disponible le week-end, à venir chercher chez moi.',
  scope: 'neighbourhood',
}

/** Posts an exchange through the form, as its author would; gives its card key. */
async function post(author: Resident, fields: Record<string, string>): Promise<string> {
  const response = await author.agent.submit(
    '/exchanges',
    { ...EXCHANGE, ...fields },
    { from: '/exchanges/new' }
  )
  const id = response.location?.match(/^\/exchanges\/(\d+)$/)?.[1]
  if (response.status !== 302 || !id) {
    throw new Error(`posting failed (${response.status}): ${response.text.slice(0, 2000)}`)
  }
  return `exchanges-${id}`
}

/** The text of one card of a page, tags stripped and spaces squeezed. */
function cardText(page: string, key: string): string {
  const start = page.indexOf(`data-feed-item="${key}"`)
  if (start === -1) throw new Error(`no card ${key} on the page`)
  const end = page.indexOf('</article>', start)
  return page
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
}

test.group('Feed page: items', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident sees what their scope allows, newest first, with names and streets', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin', { street: 'rue Linné' })
    const jules = await resident('Jules Petit', { at: JARDIN_DES_PLANTES, street: 'rue Cuvier' })
    const karim = await resident('Karim Benali', { at: CLIGNANCOURT, street: 'rue Ramey' })

    const own = await post(camille, { title: 'Perceuse à prêter' })
    const nearby = await post(jules, { title: 'Échelle pour le quartier voisin', scope: 'nearby' })
    const jardinOnly = await post(jules, { title: 'Pour le Jardin seulement' })
    const farNearby = await post(karim, { title: 'Loin et proche', scope: 'nearby' })
    const town = await post(karim, { title: 'Pour tout Paris', scope: 'town' })

    const page = await camille.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.deepEqual(cardKeys(page.text), [town, nearby, own])
    assert.notInclude(page.text, 'Pour le Jardin seulement')
    assert.notInclude(page.text, 'Loin et proche')
    assert.notInclude(page.text, jardinOnly)
    assert.notInclude(page.text, farNearby)

    /** The author's name and street (never a number); other neighbourhoods named. */
    const ownCard = cardText(page.text, own)
    assert.include(ownCard, 'Perceuse à prêter')
    /** First name and initial, street without number (the exchanges source's privacy rule). */
    assert.include(ownCard, 'Camille M.')
    assert.notInclude(page.text, 'Martin')
    assert.include(ownCard, 'rue Linné')
    assert.notInclude(ownCard, 'Quartier :')
    assert.notMatch(ownCard, /\d+ rue Linné/)
    assert.include(cardText(page.text, nearby), 'Quartier : Jardin-des-Plantes')
    assert.include(cardText(page.text, nearby), 'rue Cuvier')
    assert.include(cardText(page.text, town), 'Quartier : Clignancourt')
    /** A relative date and the kind; the card leads to the item. */
    assert.include(ownCard, 'à l&#x27;instant')
    assert.include(ownCard, 'Prêt')
    assert.include(page.text, `href="/exchanges/${own.split('-')[1]}"`)
    assert.notInclude(page.text, 'id="feed-empty"')

    /** Jules, next door, sees his own items and Camille's only if she widens her scope. */
    const julesPage = await jules.agent.get(FEED)
    assert.deepEqual(cardKeys(julesPage.text), [town, jardinOnly, nearby])
  })

  test('an unverified neighbour reads the feed with first names only', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const item = await post(camille, { title: 'Perceuse à prêter' })
    const lea = await resident('Léa Dubois', { verified: false })

    const page = await lea.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.deepEqual(cardKeys(page.text), [item])
    const card = cardText(page.text, item)
    assert.include(card, 'Camille')
    assert.notInclude(page.text, 'Martin')
    assert.include(page.text, 'id="feed-unverified"')
  })

  test('filters by kind and by category, and the form shows the choice', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const drill = await post(camille, { title: 'Perceuse à prêter' })
    const books = await post(camille, {
      title: 'Livres de cuisine',
      kind: 'gift',
      category: 'books',
    })
    const pruning = await post(camille, {
      title: 'Coup de main pour tailler la haie',
      kind: 'service',
      category: 'garden',
    })

    const all = await camille.agent.get(FEED)
    assert.deepEqual(cardKeys(all.text), [pruning, books, drill])
    assert.match(all.text, /<option value="loan"\s*>\s*Prêt\s*<\/option>/)
    assert.match(all.text, /<option value="books"\s*>\s*Livres\s*<\/option>/)

    const loans = await camille.agent.get(`${FEED}?kind=loan`)
    assert.deepEqual(cardKeys(loans.text), [drill])
    assert.match(loans.text, /<option value="loan" selected>/)

    const garden = await camille.agent.get(`${FEED}?category=garden`)
    assert.deepEqual(cardKeys(garden.text), [pruning])
    assert.match(garden.text, /<option value="garden" selected>/)

    const both = await camille.agent.get(`${FEED}?kind=gift&category=books`)
    assert.deepEqual(cardKeys(both.text), [books])

    const none = await camille.agent.get(`${FEED}?kind=loan&category=books`)
    assert.deepEqual(cardKeys(none.text), [])
    assert.include(none.text, 'Aucune publication ne correspond à ces critères.')
    assert.include(none.text, 'Effacer les filtres')
  })

  test('searches in French and English, accents or not', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const bike = await post(camille, {
      title: 'Vélo électrique à prêter',
      description: 'Un vélo pour les courses, batterie chargée.',
    })
    const drills = await post(camille, { title: 'Perceuse et forets' })
    const tom = await resident('Tom Baker', { locale: 'en' })
    const pump = await post(tom, {
      title: 'Lending my bicycle pump',
      description: 'A sturdy pump for bikes and prams.',
    })

    assert.deepEqual(cardKeys((await camille.agent.get(`${FEED}?q=velo`)).text), [bike])
    assert.deepEqual(cardKeys((await camille.agent.get(`${FEED}?q=V%C3%A9los`)).text), [bike])
    assert.deepEqual(cardKeys((await camille.agent.get(`${FEED}?q=perceuses`)).text), [drills])
    assert.deepEqual(cardKeys((await tom.agent.get(`${FEED}?q=bicycles`)).text), [pump])
    assert.deepEqual(cardKeys((await tom.agent.get(`${FEED}?q=electrique`)).text), [bike])
    /** A search box keeps what was typed; nothing found says so. */
    const nothing = await tom.agent.get(`${FEED}?q=tondeuse`)
    assert.deepEqual(cardKeys(nothing.text), [])
    assert.include(nothing.text, 'value="tondeuse"')
    assert.include(nothing.text, 'No posts match these criteria.')
  })

  test('pages go back in time with no duplicate and no gap, even on equal timestamps', async ({
    assert,
  }) => {
    const camille = await resident('Camille Martin')
    const jules = await resident('Jules Petit', { at: JARDIN_DES_PLANTES })
    const posted: string[] = []
    for (let i = 0; i < 14; i += 1) posted.push(await post(camille, { title: `Outil n°${i}` }))
    for (let i = 0; i < 12; i += 1) {
      posted.push(await post(jules, { title: `Matériel n°${i}`, scope: 'nearby' }))
    }
    /** Arranged: posts published five at a time in the same millisecond. */
    const ids = posted.map((key) => Number(key.split('-')[1]))
    for (const [index, id] of ids.entries()) {
      const at = new Date(Date.parse('2026-05-04T10:00:00.123Z') - Math.floor(index / 5) * 60_000)
      await db.from('exchanges').where('id', id).update({ published_at: at })
    }
    const expected = (
      await db
        .from('exchanges')
        .whereIn('id', ids)
        .orderBy([
          { column: 'published_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .select('id')
    ).map((row) => `exchanges-${row.id}`)

    const first = await camille.agent.get(`${FEED}?kind=loan`)
    const firstKeys = cardKeys(first.text)
    assert.lengthOf(firstKeys, 20)
    const older = olderLink(first.text)
    assert.isNotNull(older)
    /** The filters travel with the position; no offset anywhere. */
    assert.match(older!, /^\/feed\?kind=loan&before=[A-Za-z0-9_-]+$/)

    const second = await camille.agent.get(older!)
    assert.equal(second.status, 200)
    const secondKeys = cardKeys(second.text)
    assert.lengthOf(secondKeys, 6)
    assert.isNull(olderLink(second.text))
    assert.include(second.text, 'Revenir aux plus récentes')

    assert.deepEqual([...firstKeys, ...secondKeys], expected)
    assert.equal(new Set([...firstKeys, ...secondKeys]).size, 26)
  })

  test('titles and descriptions are shown escaped', async ({ assert }) => {
    const camille = await resident('Camille Martin')
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    await post(camille, {
      title: `Perceuse ${payload}`.slice(0, 100),
      description: `Description ${payload} "quoted" & more`,
    })
    const page = await camille.agent.get(FEED)
    assert.equal(page.status, 200)
    assert.notInclude(page.text, '<script>alert')
    assert.notInclude(page.text, '<img src=x')
    assert.include(page.text, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    assert.include(page.text, '&lt;img src=x onerror=alert(1)&gt;')
  })

  test('a failing or slow source is left out and the page still shows the others', async ({
    assert,
    cleanup,
  }) => {
    const broken: FeedSource = {
      name: 'broken_test',
      kinds: ['loan'],
      items: async () => {
        throw new Error('relation "broken_items" does not exist')
      },
    }
    const slow: FeedSource = {
      name: 'slow_test',
      kinds: ['loan'],
      items: () => new Promise((resolve) => setTimeout(() => resolve([]), 2500)),
    }
    registerFeedSource(broken)
    registerFeedSource(slow)
    cleanup(() => {
      unregisterFeedSource('broken_test')
      unregisterFeedSource('slow_test')
    })

    const camille = await resident('Camille Martin')
    const item = await post(camille, { title: 'Perceuse à prêter' })
    const started = Date.now()
    const page = await camille.agent.get(FEED)
    assert.isBelow(Date.now() - started, 2400)
    assert.equal(page.status, 200)
    assert.deepEqual(cardKeys(page.text), [item])
    assert.include(page.text, 'Certaines publications n&#x27;ont pas pu être chargées.')
  }).timeout(15_000)
})
