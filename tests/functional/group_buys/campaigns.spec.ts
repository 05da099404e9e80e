import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { feedViewerFor } from '#modules/feed/index'
import { groupBuysFeedSource } from '#modules/group_buys/services/feed_source'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  JARDIN_DES_PLANTES,
  campaignRow,
  dayFromNow,
  draft,
  fieldError,
  neighbour,
  openCampaign,
  pelletFields,
  step,
  submitCampaign,
  textOf,
} from '#tests/functional/group_buys/support'

async function count(table: string): Promise<number> {
  const row = await db.from(table).count('* as count').first()
  return Number(row?.count ?? 0)
}

/** The ids of the group buys a resident's feed shows, newest first. */
async function feedIds(userId: number, filters: { q?: string; kind?: string } = {}) {
  const items = await groupBuysFeedSource.items({
    viewer: await feedViewerFor(userId, 'fr'),
    filters,
    before: null,
    limit: 50,
  })
  return items.map((item) => item.id)
}

test.group('Group buys: writing a campaign', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a verified resident writes a draft: euros and units read exactly, tiers in order', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await draft(
      camille.agent,
      pelletFields({
        base_price: '0,29',
        /** Typed out of order, with spaces and both decimal marks. */
        tier_quantity_1: '12 999,5',
        tier_price_1: '0.21',
        tier_quantity_2: '0,333',
        tier_price_2: '0,28',
        min_quantity: '0.333',
        max_quantity: '13000',
        household_max: '1 500,25',
      })
    )
    const row = await campaignRow(id)
    assert.equal(row.status, 'draft')
    assert.equal(row.base_unit_price_cents, 29)
    assert.equal(Number(row.min_total_milli), 333)
    assert.equal(Number(row.max_total_milli), 13_000_000)
    assert.equal(Number(row.household_max_milli), 1_500_250)
    assert.equal(Number(row.neighbourhood_id), camille.neighbourhoodId)
    assert.equal(row.organiser_street, 'rue des Fossés-Saint-Bernard')
    assert.isNull(row.published_at)
    const tiers = await db
      .from('group_buy_tiers')
      .where('group_buy_id', id)
      .orderBy('min_total_milli')
    assert.deepEqual(
      tiers.map((tier) => [Number(tier.min_total_milli), tier.unit_price_cents]),
      [
        [333, 28],
        [12_999_500, 21],
      ]
    )
    /** Deadline: 18:00 Paris time that day. */
    const deadline = new Date(row.deadline)
    assert.equal(
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(deadline),
      '18:00'
    )

    /** Its page says it is a draft; only the organiser sees it. */
    const page = await camille.agent.get(`/group-buys/${id}`)
    assert.equal(page.status, 200)
    assert.include(textOf(page), 'Brouillon : vous seul le voyez.')
    assert.include(page.text, 'id="step-open"')
    const lea = await neighbour('Léa Dubois')
    assert.equal((await lea.agent.get(`/group-buys/${id}`)).status, 404)
    assert.deepEqual(await feedIds(lea.id), [])
  })

  test('the organiser edits the draft; the form comes back filled in their language', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin', { locale: 'en' })
    const id = await draft(camille.agent)
    const form = await camille.agent.get(`/group-buys/${id}/edit`)
    assert.equal(form.status, 200)
    assert.include(form.text, 'value="0.35"')
    assert.include(form.text, 'value="3000"')
    const saved = await submitCampaign(
      camille.agent,
      pelletFields({ title: 'Granulés, deuxième essai', tier_quantity_2: '', tier_price_2: '' }),
      `/group-buys/${id}`
    )
    assert.equal(saved.status, 302)
    assert.equal((await campaignRow(id)).title, 'Granulés, deuxième essai')
    assert.equal(await count('group_buy_tiers'), 1)

    /** Someone else cannot edit it, nor learn it exists. */
    const lea = await neighbour('Léa Dubois')
    assert.equal((await lea.agent.get(`/group-buys/${id}/edit`)).status, 404)
  })

  test('bad input on the campaign form: a message beside each field, in French, nothing written', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    await camille.agent.get('/group-buys/new')
    const cases: [Record<string, string>, string, string][] = [
      [{ title: '' }, 'title', 'Donnez un titre à votre achat groupé.'],
      [{ title: 'ab' }, 'title', 'Le champ « titre » doit faire au moins 3 caractères.'],
      [{ product: '' }, 'product', 'Indiquez le produit commandé.'],
      [{ unit: 'barrel' }, 'unit', 'Choisissez une unité proposée : kg, litre, sac, palette…'],
      [{ supplier_name: '' }, 'supplier_name', 'Indiquez le nom du fournisseur.'],
      [{ base_price: '' }, 'base_price', 'Indiquez le prix de base par unité, par exemple 0,29.'],
      [
        { base_price: 'vingt' },
        'base_price',
        'Indiquez un prix en euros, par exemple 0,29 (au plus 100 000,00 €, deux décimales).',
      ],
      [
        { base_price: '0,295' },
        'base_price',
        'Indiquez un prix en euros, par exemple 0,29 (au plus 100 000,00 €, deux décimales).',
      ],
      [
        { base_price: '0' },
        'base_price',
        'Indiquez un prix en euros, par exemple 0,29 (au plus 100 000,00 €, deux décimales).',
      ],
      [
        { base_price: '-1' },
        'base_price',
        'Indiquez un prix en euros, par exemple 0,29 (au plus 100 000,00 €, deux décimales).',
      ],
      [{ min_quantity: '' }, 'min_quantity', 'Indiquez la quantité totale minimum (le seuil).'],
      [
        { min_quantity: '1,2345' },
        'min_quantity',
        'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).',
      ],
      [
        { min_quantity: '0' },
        'min_quantity',
        'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).',
      ],
      [
        { min_quantity: '1e3' },
        'min_quantity',
        'Indiquez une quantité positive, par exemple 500 ou 12,5 (trois décimales au plus).',
      ],
      [
        { max_quantity: '400' },
        'max_quantity',
        'Le maximum ne peut pas être inférieur au minimum.',
      ],
      [
        { household_max: '6000' },
        'household_max',
        'Le maximum par foyer ne peut pas dépasser le maximum total.',
      ],
      [
        { tier_price_1: '' },
        'tier_price_1',
        'Complétez ce palier : une quantité et un prix, ou laissez les deux vides.',
      ],
      [
        { tier_quantity_1: '' },
        'tier_quantity_1',
        'Complétez ce palier : une quantité et un prix, ou laissez les deux vides.',
      ],
      [
        { tier_price_1: '0,40' },
        'tier_price_1',
        'Le prix d’un palier doit être inférieur au prix de base.',
      ],
      [
        { tier_quantity_1: '6000' },
        'tier_quantity_1',
        'Ce palier dépasse la quantité maximum : il ne pourrait jamais être atteint.',
      ],
      [{ tier_quantity_2: '1000' }, 'tier_quantity_2', 'Deux paliers ont la même quantité.'],
      [
        { tier_price_2: '0,33' },
        'tier_price_2',
        'Un palier plus grand doit avoir un prix plus bas que le palier précédent.',
      ],
      [{ deadline_date: '' }, 'deadline_date', 'Indiquez la date limite.'],
      [{ deadline_date: '2026-02-30' }, 'deadline_date', 'Cette date n’existe pas.'],
      [
        { deadline_date: 'demain' },
        'deadline_date',
        'Indiquez une date valide, par exemple le 12/12/2026.',
      ],
      [
        { deadline_date: dayFromNow(-1) },
        'deadline_date',
        'La date limite doit être dans le futur.',
      ],
      [
        { deadline_date: dayFromNow(400) },
        'deadline_date',
        'La date limite doit être dans les 183 prochains jours.',
      ],
      [
        { deadline_time: '25:00' },
        'deadline_time',
        'Indiquez une heure valide, par exemple 18:00.',
      ],
      [{ fulfilment: 'drone' }, 'fulfilment', 'Choisissez retrait ou livraison.'],
      [{ place_label: '' }, 'place_label', 'Indiquez le lieu de retrait ou la zone livrée.'],
      [
        { window_starts_on: dayFromNow(5) },
        'window_starts_on',
        'Le retrait ou la livraison doit commencer après la date limite.',
      ],
      [{ window_ends_on: dayFromNow(9) }, 'window_ends_on', 'La fin doit venir après le début.'],
      [
        { window_ends_on: dayFromNow(90) },
        'window_ends_on',
        'La période de retrait ou de livraison ne peut pas dépasser 60 jours.',
      ],
      [
        { scope: 'world' },
        'scope',
        'Choisissez qui voit l’achat groupé : votre quartier, les quartiers voisins ou toute la ville.',
      ],
      [
        { title: 'x'.repeat(101) },
        'title',
        'Le champ « titre » doit faire au plus 100 caractères.',
      ],
    ]
    for (const [overrides, field, message] of cases) {
      const response = await submitCampaign(camille.agent, pelletFields(overrides))
      assert.equal(response.status, 422, JSON.stringify(overrides))
      assert.equal(
        textOf(fieldError(response.text, field) ?? ''),
        message,
        JSON.stringify(overrides)
      )
      /** What was typed comes back. */
      if (field !== 'place_label') {
        assert.include(response.text, 'value="Cour de l’école Saint-Victor"')
      }
    }
    assert.equal(await count('group_buys'), 0)
    assert.equal(await count('group_buy_tiers'), 0)
  })

  test('bad input in English: messages in English', async ({ assert }) => {
    const hugo = await neighbour('Hugo Petit', { locale: 'en' })
    const response = await submitCampaign(
      hugo.agent,
      pelletFields({
        base_price: '0,2,9',
        min_quantity: '',
        deadline_date: dayFromNow(-2),
        scope: '',
      })
    )
    assert.equal(response.status, 422)
    assert.equal(
      textOf(fieldError(response.text, 'base_price') ?? ''),
      'Enter a price in euros, for example 0.29 (at most €100,000.00, two decimals).'
    )
    assert.equal(
      fieldError(response.text, 'min_quantity'),
      'Enter the minimum total quantity (the threshold).'
    )
    assert.equal(fieldError(response.text, 'deadline_date'), 'The deadline must be in the future.')
    assert.equal(fieldError(response.text, 'scope'), 'Choose who sees the group buy.')
    assert.equal(await count('group_buys'), 0)
  })

  test('unverified residents may not write a campaign (403 telling how to get verified)', async ({
    assert,
  }) => {
    const omar = await neighbour('Omar Said', { verified: false })
    const form = await omar.agent.get('/group-buys/new')
    assert.equal(form.status, 403)
    await omar.agent.get('/feed')
    const posted = await omar.agent.submit('/group-buys', pelletFields())
    assert.equal(posted.status, 403)
    assert.equal(await count('group_buys'), 0)
  })
})

test.group('Group buys: who sees a campaign, and the feed', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('neighbourhood scope: another neighbourhood gets a 404; town scope: the whole town sees it', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const local = await openCampaign(camille)
    const townWide = await openCampaign(
      camille,
      pelletFields({ title: 'Fioul domestique pour toute la ville', scope: 'town', unit: 'litre' })
    )
    const lea = await neighbour('Léa Dubois')
    const nina = await neighbour('Nina Roux', { at: JARDIN_DES_PLANTES })
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    const omar = await neighbour('Omar Said', { at: CLIGNANCOURT, verified: false })

    assert.equal((await lea.agent.get(`/group-buys/${local}`)).status, 200)
    for (const outsider of [nina, karim]) {
      assert.equal((await outsider.agent.get(`/group-buys/${local}`)).status, 404)
      assert.equal((await outsider.agent.get(`/group-buys/${local}/progress`)).status, 404)
      await outsider.agent.get('/feed')
      assert.equal(
        (await outsider.agent.submit(`/group-buys/${local}/pledge`, { quantity: '10' })).status,
        404
      )
    }
    assert.equal((await karim.agent.get(`/group-buys/${townWide}`)).status, 200)
    assert.equal((await nina.agent.get(`/group-buys/${townWide}`)).status, 200)
    /** Unverified residents read their own neighbourhood only, as everywhere. */
    assert.equal((await omar.agent.get(`/group-buys/${townWide}`)).status, 404)

    assert.deepEqual(await feedIds(lea.id), [townWide, local])
    assert.deepEqual(await feedIds(karim.id), [townWide])
    assert.deepEqual(await feedIds(nina.id), [townWide])
    assert.deepEqual(await feedIds(omar.id), [])
  })

  test('the feed shows open campaigns (with their figures), never drafts nor closed ones', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const drafted = await draft(camille.agent)
    const open = await openCampaign(camille)
    const cancelled = await openCampaign(camille, pelletFields({ title: 'Fioul annulé' }))
    await step(camille, cancelled, 'cancel', { reason: 'Le fournisseur a disparu.' })
    const past = await openCampaign(camille, pelletFields({ title: 'Déjà passé' }))
    await db
      .from('group_buys')
      .where('id', past)
      .update({ deadline: new Date(Date.now() - 1000) })

    assert.deepEqual(await feedIds(lea.id), [open])
    assert.deepEqual(await feedIds(lea.id, { kind: 'group_buy' }), [open])
    assert.deepEqual(await feedIds(lea.id, { kind: 'loan' }), [])
    assert.deepEqual(await feedIds(lea.id, { q: 'granulés' }), [open])
    assert.deepEqual(await feedIds(lea.id, { q: 'pellets' }), [])
    assert.deepEqual(await feedIds(lea.id, { q: 'chaussures' }), [])
    assert.notInclude(await feedIds(lea.id), drafted)

    const feed = await lea.agent.get('/feed')
    assert.equal(feed.status, 200)
    assert.include(feed.text, `id="feed-item-group_buys-${open}"`)
    assert.notInclude(feed.text, `id="feed-item-group_buys-${drafted}"`)
    const text = textOf(feed)
    assert.include(text, 'Granulés de bois pour l’hiver')
    assert.include(text, '0,35 € le kg')
    assert.include(text, '0 kg sur 500 kg')
    assert.include(text, 'Plus que 1 000 kg pour 0,32 €')
    assert.include(feed.text, 'href="/group-buys/mine"')

    const page = await lea.agent.get(`/group-buys/${open}`)
    assert.include(page.text, `data-channel="group_buys/${open}"`)
    assert.include(page.text, 'id="threshold-progress"')
    assert.include(page.text, '<progress')
    assert.notInclude(page.text, 'style=')
  })

  test('my group buys: what I organise and what I pledged, with what I owe', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const lea = await neighbour('Léa Dubois')
    const drafted = await draft(camille.agent, pelletFields({ title: 'Brouillon de fioul' }))
    const open = await openCampaign(camille)
    await lea.agent.submit(
      `/group-buys/${open}/pledge`,
      { quantity: '1200' },
      { from: `/group-buys/${open}` }
    )

    const mine = textOf(await camille.agent.get('/group-buys/mine'))
    assert.include(mine, 'Brouillon de fioul')
    assert.include(mine, 'Granulés de bois pour l’hiver')
    assert.include(mine, '1 200 kg réservés · 1 participant')
    assert.include(
      (await camille.agent.get('/group-buys/mine')).text,
      `id="my-campaign-${drafted}"`
    )

    const leas = textOf(await lea.agent.get('/group-buys/mine'))
    /** 1 200 kg at 0,32 € (first tier reached) = 384,00 €. */
    assert.include(leas, '1 200 kg · 384,00 € au prix actuel')
    assert.include(leas, 'Vous n’organisez aucun achat groupé.')
  })
})
