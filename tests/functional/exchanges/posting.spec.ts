import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import sharp from 'sharp'
import { readFile } from 'node:fs/promises'
import { Agent } from '#tests/helpers/agent'
import {
  EXIF_MARKER,
  PHP_PAYLOAD,
  bytesOfSize,
  jpegBytes,
  pdfBytes,
  pngBytes,
  pngWithPhpPayload,
} from '#tests/helpers/files'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import {
  CLIGNANCOURT,
  NEW,
  dayFromNow,
  emptyPhotoFolder,
  errorsIn,
  exchangeRow,
  loanFields,
  neighbour,
  photoFiles,
  post,
  rideFields,
  rows,
  submitExchange,
} from '#tests/functional/exchanges/support'

const MB = 1024 * 1024

async function nothingWritten(assert: any) {
  for (const table of ['exchanges', 'exchange_rides', 'exchange_photos']) {
    assert.lengthOf(await db.from(table), 0, `${table} is empty`)
  }
  assert.deepEqual(await photoFiles(), [], 'no photo file left')
}

test.group('Exchanges: posting each kind', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('the kind chooser leads to each form; guests go to the login page', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const choose = await camille.agent.get(NEW)
    assert.equal(choose.status, 200)
    for (const kind of ['barter', 'service', 'loan', 'gift', 'ride']) {
      assert.include(choose.text, `/exchanges/new?kind=${kind}&amp;direction=offer`)
      assert.include(choose.text, `/exchanges/new?kind=${kind}&amp;direction=request`)
    }
    const rideForm = await camille.agent.get(`${NEW}?kind=ride`)
    assert.include(rideForm.text, 'name="from_latitude"')
    assert.include(rideForm.text, 'data-map="picker"')
    assert.include(rideForm.text, 'enctype="multipart/form-data"')
    const giftForm = await camille.agent.get(`${NEW}?kind=gift`)
    assert.notInclude(giftForm.text, 'name="from_latitude"')
    assert.include(giftForm.text, 'name="category"')

    const guest = await new Agent().get(NEW)
    assert.equal(guest.status, 302)
    assert.equal(guest.location, '/login')
  })

  test('an unverified resident is shown how to get verified, and nothing is posted', async ({
    assert,
  }) => {
    const hugo = await neighbour('Hugo Petit', { verified: false })
    const page = await hugo.agent.get(`${NEW}?kind=gift`)
    assert.equal(page.status, 403)
    assert.include(page.text, '/verify')

    await hugo.agent.get('/exchanges/mine')
    const form = new FormData()
    form.set('_csrf', hugo.agent.csrfToken())
    for (const [key, value] of Object.entries(loanFields())) form.set(key, value)
    const sent = await hugo.agent.request('POST', '/exchanges', { body: form })
    assert.equal(sent.status, 403)
    await nothingWritten(assert)
  })

  test('every kind is posted with the author home’s neighbourhood, town and street', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const home = await db.from('residents').where('user_id', camille.id).firstOrFail()
    const posted = {
      barter: await post(
        camille.agent,
        loanFields({
          kind: 'barter',
          title: 'Confitures contre coup de main',
          category: 'food',
        })
      ),
      service: await post(
        camille.agent,
        loanFields({
          kind: 'service',
          direction: 'request',
          title: 'Qui peut arroser mes plantes ?',
          category: 'garden',
          scope: 'nearby',
        })
      ),
      loan: await post(camille.agent, loanFields({ price: '12,50' })),
      gift: await post(
        camille.agent,
        loanFields({
          kind: 'gift',
          title: 'Livres pour enfants',
          category: 'books',
          available_from: dayFromNow(2),
          available_until: dayFromNow(20),
          scope: undefined,
        })
      ),
      ride: await post(camille.agent, rideFields({ price: '4' })),
      rideRequest: await post(
        camille.agent,
        rideFields({
          direction: 'request',
          title: 'Chaque lundi vers Montparnasse',
          schedule: 'weekly',
          departure_date: undefined,
          weekdays: ['1', '3'],
          recurs_until: dayFromNow(60),
          seats: '1',
        })
      ),
    }
    const all = await rows('exchanges')
    assert.lengthOf(all, 6)
    for (const row of all) {
      assert.equal(Number(row.neighbourhood_id), camille.neighbourhoodId)
      assert.equal(Number(row.town_id), camille.townId)
      assert.equal(row.author_street, home.street_name)
      assert.equal(row.status, 'open')
      assert.notInclude(JSON.stringify(row), 'rue Linné, 75005')
    }
    const byId = new Map(all.map((row) => [Number(row.id), row]))
    assert.equal(byId.get(posted.barter)!.kind, 'barter')
    assert.equal(byId.get(posted.service)!.direction, 'request')
    assert.equal(byId.get(posted.service)!.scope, 'nearby')
    assert.equal(Number(byId.get(posted.loan)!.price_cents), 1250)
    assert.isNull(byId.get(posted.barter)!.price_cents)
    /** Without a choice: neighbourhood for most, the whole town for rides. */
    assert.equal(byId.get(posted.gift)!.scope, 'neighbourhood')
    assert.equal(byId.get(posted.ride)!.scope, 'town')
    assert.isNull(byId.get(posted.ride)!.category)
    /** Open for 30 days; a ride until it leaves. */
    const loan = byId.get(posted.loan)!
    const days = (loan.expires_at.getTime() - loan.published_at.getTime()) / 86_400_000
    assert.equal(Math.round(days), 30)

    const [ride, rideRequest] = await rows('exchange_rides')
    assert.equal(Number(ride.exchange_id), posted.ride)
    assert.equal(Number(ride.seats_offered), 3)
    assert.equal(Number(ride.seats_left), 3)
    assert.equal(ride.from_label, 'Place Monge')
    assert.equal(
      byId.get(posted.ride)!.expires_at.toISOString(),
      new Date(ride.departs_at).toISOString()
    )
    assert.deepEqual(rideRequest.weekdays.map(Number), [1, 3])
    assert.isNull(rideRequest.departs_at)

    /** The generated search column works in both languages. */
    const { rows: found } = await db.rawQuery(
      `SELECT id FROM exchanges WHERE search @@ websearch_to_tsquery('quartier_fr', 'confiture')`
    )
    assert.deepEqual(
      found.map((row: any) => Number(row.id)),
      [posted.barter]
    )
  })

  test('bad input answers 422 with a message beside each field, and writes nothing', async ({
    assert,
  }) => {
    const cases: [Record<string, string | string[] | undefined>, string][] = [
      [loanFields({ title: '' }), 'Donnez un titre à votre annonce.'],
      [loanFields({ title: 'ab' }), 'Le titre doit faire au moins 3 caractères.'],
      [loanFields({ title: 'x'.repeat(101) }), 'Le titre doit faire au plus 100 caractères.'],
      [loanFields({ description: 'Court' }), 'Décrivez-le en au moins 10 caractères'],
      [loanFields({ description: 'x'.repeat(2001) }), 'au plus 2000 caractères'],
      [loanFields({ category: 'weapons' }), 'Choisissez une catégorie dans la liste.'],
      [loanFields({ category: undefined }), 'Choisissez une catégorie.'],
      [loanFields({ kind: 'sale' }), "Choisissez un type d'annonce proposé"],
      [loanFields({ direction: 'both' }), 'Dites si vous proposez ou si vous cherchez.'],
      [loanFields({ scope: 'country' }), 'Choisissez qui voit votre annonce'],
      [loanFields({ price: 'douze euros' }), 'Indiquez un prix en euros'],
      [loanFields({ price: '20000' }), 'au plus 10000 €'],
      [loanFields({ price: '-5' }), 'Indiquez un prix en euros'],
      [loanFields({ available_until: dayFromNow(-2) }), 'Cette date est déjà passée.'],
      [
        loanFields({ available_from: dayFromNow(10), available_until: dayFromNow(5) }),
        'La date de fin doit suivre la date de début.',
      ],
      [loanFields({ available_from: '2026-02-30' }), 'Indiquez une date valide'],
      [loanFields({ available_from: 'demain' }), 'Indiquez une date valide'],
      [rideFields({ from_latitude: undefined }), 'Placez le lieu de départ sur la carte'],
      [rideFields({ to_label: '' }), "Donnez un nom au lieu d'arrivée"],
      [rideFields({ to_latitude: '91' }), 'au plus 90'],
      [
        rideFields({
          to_latitude: rideFields().from_latitude,
          to_longitude: rideFields().from_longitude,
        }),
        "Le départ et l'arrivée sont au même endroit",
      ],
      [rideFields({ departure_date: dayFromNow(-1) }), 'Ce départ est déjà passé'],
      [rideFields({ departure_date: dayFromNow(400) }), 'dans les 183 prochains jours'],
      [rideFields({ departure_time: '25:00' }), 'Indiquez une heure valide'],
      [rideFields({ schedule: 'weekly', recurs_until: dayFromNow(10) }), 'Cochez au moins un jour'],
      [rideFields({ schedule: 'weekly', weekdays: ['1'] }), "Indiquez jusqu'à quand"],
      [
        rideFields({ schedule: 'weekly', weekdays: ['8'], recurs_until: dayFromNow(9) }),
        'au plus 7',
      ],
      [rideFields({ seats: '0' }), 'Indiquez au moins 1 place.'],
      [rideFields({ seats: '9' }), 'Au plus 8 places.'],
      [rideFields({ seats: 'trois' }), 'Indiquez un nombre de places'],
      [rideFields({ detour_km: '25' }), 'Au plus 20 km de détour.'],
    ]
    /** A fresh author every 10 forms: posting attempts are rate-limited per resident. */
    let author = await neighbour('Camille Martin')
    for (const [index, [fields, message]] of cases.entries()) {
      if (index > 0 && index % 10 === 0) author = await neighbour('Camille Martin')
      const response = await submitExchange(author.agent, fields)
      assert.equal(response.status, 422, `${JSON.stringify(fields)} answers 422`)
      assert.isTrue(
        errorsIn(response.text).some((text) => text.includes(message)),
        `"${message}" in ${errorsIn(response.text).join(' | ')}`
      )
      assert.include(response.text, 'class="error-summary"')
    }
    await nothingWritten(assert)
  })

  test('what was typed comes back in the refused form', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const response = await submitExchange(
      camille.agent,
      rideFields({ title: 'Vers la gare du Nord', seats: '12', weekdays: ['2', '4'] })
    )
    assert.equal(response.status, 422)
    assert.include(response.text, 'value="Vers la gare du Nord"')
    assert.include(response.text, 'value="Place Monge"')
    assert.include(response.text, 'value="12"')
    assert.include(response.text, 'deux bagages possibles.</textarea>')
  })

  test('in English too', async ({ assert }) => {
    const tom = await neighbour('Tom Baker', { locale: 'en' })
    const response = await submitExchange(tom.agent, loanFields({ title: 'ab', price: 'ten' }))
    assert.equal(response.status, 422)
    const messages = errorsIn(response.text)
    assert.include(messages, 'The title must be at least 3 characters long.')
    assert.isTrue(messages.some((text) => text.startsWith('Enter a price in euros')))
  })
})

test.group('Exchanges: the exchange page', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('the price is shown, never collected; free says so', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const paid = await post(camille.agent, loanFields({ price: '12,5' }))
    const free = await post(camille.agent, loanFields({ price: '' }))
    const tom = await neighbour('Tom Baker', { locale: 'en' })

    const paidFr = await camille.agent.get(`/exchanges/${paid}`)
    assert.match(paidFr.text, /<strong>12,50\s€<\/strong>/)
    assert.include(paidFr.text, 'Réglé de la main à la main')
    const paidEn = await tom.agent.get(`/exchanges/${paid}`)
    assert.include(paidEn.text, '<strong>€12.50</strong>')
    assert.include(paidEn.text, 'Paid hand to hand')
    assert.include((await camille.agent.get(`/exchanges/${free}`)).text, '<strong>Gratuit</strong>')
    assert.include((await tom.agent.get(`/exchanges/${free}`)).text, '<strong>Free</strong>')
  })

  test('the author reads as first name + initial and street, never the address', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, loanFields())
    const lea = await neighbour('Léa Dubois')
    const hugo = await neighbour('Hugo Petit', { verified: false })
    const home = await db.from('residents').where('user_id', camille.id).firstOrFail()

    const seen = await lea.agent.get(`/exchanges/${id}`)
    assert.equal(seen.status, 200)
    assert.include(seen.text, 'Par Camille M.')
    assert.include(seen.text, `· ${home.street_name}`)
    assert.notInclude(seen.text, 'Martin')
    assert.notInclude(seen.text, home.address_label)
    assert.notInclude(seen.text, String(home.address_label).split(',')[0])

    /** Unverified neighbours read first names only, and are invited to get verified to answer. */
    const unverified = await hugo.agent.get(`/exchanges/${id}`)
    assert.equal(unverified.status, 200)
    assert.include(unverified.text, 'Par Camille\n')
    assert.notInclude(unverified.text, 'Camille M.')
    assert.include(unverified.text, 'id="verify-to-answer"')
    assert.notInclude(unverified.text, 'id="respond-form"')
  })

  test('XSS payloads in title, description and ride places are shown escaped', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const title = '<script>alert("t")</script>'
    const description = '"><img src=x onerror=alert(1)> et <b>gras</b> {{ 7*7 }}'
    const id = await post(camille.agent, loanFields({ title, description }))
    const ride = await post(
      camille.agent,
      rideFields({ from_label: '<svg onload=alert(2)>', to_label: "'><iframe src=//evil>" })
    )
    const lea = await neighbour('Léa Dubois')
    for (const page of [
      (await lea.agent.get(`/exchanges/${id}`)).text,
      (await camille.agent.get('/exchanges/mine')).text,
      (await camille.agent.get(`/exchanges/${id}/edit`)).text,
    ]) {
      assert.notInclude(page, '<script>alert')
      assert.notInclude(page, '<img src=x')
    }
    const shown = (await lea.agent.get(`/exchanges/${id}`)).text
    assert.include(shown, '&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;')
    assert.include(shown, '&quot;&gt;&lt;img src=x onerror=alert(1)&gt; et &lt;b&gt;gras&lt;/b&gt;')
    assert.include(shown, '{{ 7*7 }}')
    const ridePage = (await lea.agent.get(`/exchanges/${ride}`)).text
    assert.notInclude(ridePage, '<svg onload')
    assert.notInclude(ridePage, '<iframe')
    assert.include(ridePage, '&lt;svg onload=alert(2)&gt;')
    assert.include(ridePage, 'data-from-label="&lt;svg onload=alert(2)&gt;"')
  })

  test('an unknown or malformed id is a 404', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    assert.equal((await camille.agent.get('/exchanges/999999')).status, 404)
    assert.equal((await camille.agent.get('/exchanges/99999999999999999999')).status, 404)
    assert.equal((await camille.agent.get('/exchanges/abc')).status, 404)
  })

  test('the author edits while it is open; others may not', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, loanFields())
    const edit = await camille.agent.get(`/exchanges/${id}/edit`)
    assert.equal(edit.status, 200)
    assert.include(edit.text, 'value="Perceuse-visseuse à prêter"')
    assert.include(edit.text, 'avec deux batteries et un jeu de forets.</textarea>')

    const saved = await submitExchange(
      camille.agent,
      loanFields({ title: 'Perceuse et scie sauteuse', kind: 'gift', price: '3' }),
      [],
      { path: `/exchanges/${id}`, from: `/exchanges/${id}/edit` }
    )
    assert.equal(saved.status, 302)
    const row = await exchangeRow(id)
    assert.equal(row.title, 'Perceuse et scie sauteuse')
    /** Kind and direction stay what they were. */
    assert.equal(row.kind, 'loan')
    assert.equal(Number(row.price_cents), 300)

    const refused = await submitExchange(camille.agent, loanFields({ title: 'x' }), [], {
      path: `/exchanges/${id}`,
      from: `/exchanges/${id}/edit`,
    })
    assert.equal(refused.status, 422)
    assert.equal((await exchangeRow(id)).title, 'Perceuse et scie sauteuse')

    const lea = await neighbour('Léa Dubois')
    assert.equal((await lea.agent.get(`/exchanges/${id}/edit`)).status, 403)
    const foreign = await submitExchange(lea.agent, loanFields({ title: 'À moi' }), [], {
      path: `/exchanges/${id}`,
    })
    assert.equal(foreign.status, 403)
    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    assert.equal((await karim.agent.get(`/exchanges/${id}/edit`)).status, 404)

    await camille.agent.submit(`/exchanges/${id}/cancel`, {}, { from: `/exchanges/${id}` })
    const closed = await camille.agent.get(`/exchanges/${id}/edit`)
    assert.equal(closed.status, 409)
    assert.include(closed.text, 'Seule une annonce ouverte peut être modifiée.')
    assert.equal((await exchangeRow(id)).title, 'Perceuse et scie sauteuse')
  })
})

test.group('Exchanges: photos', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })
  group.each.setup(() => emptyPhotoFolder())

  test('photos are re-encoded (no EXIF, no payload), stored under random names, served to who may see', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const evil = await pngWithPhpPayload()
    const id = await post(camille.agent, loanFields(), [
      {
        name: 'perceuse maison.jpg',
        type: 'image/jpeg',
        bytes: await jpegBytes({ orientation: 6 }),
      },
      { name: 'shell.php.png', type: 'image/png', bytes: evil },
    ])
    const photos = await rows('exchange_photos')
    assert.lengthOf(photos, 2)
    assert.sameMembers(
      await photoFiles(),
      photos.map((photo) => photo.storage_key)
    )
    assert.match(photos[0].storage_key, /^exchange-photos\/[0-9a-f-]{36}\.jpg$/)
    assert.match(photos[1].storage_key, /^exchange-photos\/[0-9a-f-]{36}\.png$/)

    const jpeg = await readFile(`${process.env.DRIVE_ROOT}/${photos[0].storage_key}`)
    const meta = await sharp(jpeg).metadata()
    assert.equal(meta.format, 'jpeg')
    assert.equal(meta.width, 48)
    assert.equal(meta.height, 64)
    assert.isUndefined(meta.exif)
    assert.isFalse(jpeg.includes(EXIF_MARKER))
    const png = await readFile(`${process.env.DRIVE_ROOT}/${photos[1].storage_key}`)
    assert.isFalse(png.includes('<?php'))
    assert.isFalse(png.includes(PHP_PAYLOAD))
    assert.equal((await sharp(png).metadata()).format, 'png')

    const page = await camille.agent.get(`/exchanges/${id}`)
    const url = `/exchanges/${id}/photos/${photos[1].id}`
    assert.include(page.text, `src="${url}"`)
    const lea = await neighbour('Léa Dubois')
    const served = await lea.agent.get(url)
    assert.equal(served.status, 200)
    assert.equal(served.headers.get('content-type'), 'image/png')
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff')
    assert.include(served.headers.get('cache-control')!, 'private')

    const karim = await neighbour('Karim Benali', { at: CLIGNANCOURT })
    assert.equal((await karim.agent.get(url)).status, 404)
    assert.equal((await new Agent().get(url)).status, 302)
    /** A photo id of another exchange through this one: 404. */
    const other = await post(camille.agent, loanFields({ title: 'Escabeau' }), [
      { name: 'escabeau.png', bytes: await pngBytes() },
    ])
    const [, , third] = await rows('exchange_photos')
    assert.equal((await lea.agent.get(`/exchanges/${id}/photos/${third.id}`)).status, 404)
    assert.equal((await lea.agent.get(`/exchanges/${other}/photos/${third.id}`)).status, 200)
  })

  test('a PDF renamed .jpg is refused: 422, nothing written, no file left', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const response = await submitExchange(camille.agent, loanFields(), [
      { name: 'photo.jpg', type: 'image/jpeg', bytes: await pngBytes() },
      { name: 'facture.jpg', type: 'image/jpeg', bytes: pdfBytes() },
    ])
    assert.equal(response.status, 422)
    assert.include(errorsIn(response.text)[0], 'ni une image JPEG ni une image PNG')
    assert.include(response.text, 'value="Perceuse-visseuse à prêter"')
    await nothingWritten(assert)
  })

  test('more than 4 photos, an unreadable image or one over 5 MB are refused', async ({
    assert,
  }) => {
    const camille = await neighbour('Camille Martin')
    const png = { name: 'p.png', bytes: await pngBytes() }
    const five = await submitExchange(camille.agent, loanFields(), [png, png, png, png, png])
    assert.equal(five.status, 422)
    assert.include(errorsIn(five.text)[0], 'Au plus 4 photos')

    const broken = Buffer.concat([(await pngBytes()).subarray(0, 40), Buffer.alloc(20)])
    const unreadable = await submitExchange(camille.agent, loanFields(), [
      { name: 'cassee.png', bytes: broken },
    ])
    assert.equal(unreadable.status, 422)
    assert.include(errorsIn(unreadable.text)[0], 'ne peut pas être lue')

    const heavy = await submitExchange(camille.agent, loanFields(), [
      { name: 'lourde.png', bytes: bytesOfSize(5 * MB + 10) },
    ])
    assert.equal(heavy.status, 422)
    assert.include(errorsIn(heavy.text)[0], 'trop lourde')
    await nothingWritten(assert)
  })

  test('editing adds and removes photos; the removed file is deleted', async ({ assert }) => {
    const camille = await neighbour('Camille Martin')
    const id = await post(camille.agent, loanFields(), [
      { name: 'a.png', bytes: await pngBytes() },
      { name: 'b.png', bytes: await pngBytes({ width: 30 }) },
    ])
    const [first, second] = await rows('exchange_photos')
    const edited = await submitExchange(
      camille.agent,
      { ...loanFields(), remove_photos: String(first.id) },
      [{ name: 'c.jpg', bytes: await jpegBytes() }],
      { path: `/exchanges/${id}`, from: `/exchanges/${id}/edit` }
    )
    assert.equal(edited.status, 302)
    const photos = await rows('exchange_photos')
    assert.deepEqual(photos.map((photo) => Number(photo.id)).slice(0, 1), [Number(second.id)])
    assert.lengthOf(photos, 2)
    assert.sameMembers(
      await photoFiles(),
      photos.map((photo) => photo.storage_key)
    )

    /** Already 2: adding 3 more is refused, and nothing changes. */
    const png = { name: 'p.png', bytes: await pngBytes() }
    const tooMany = await submitExchange(camille.agent, loanFields(), [png, png, png], {
      path: `/exchanges/${id}`,
      from: `/exchanges/${id}/edit`,
    })
    assert.equal(tooMany.status, 422)
    assert.include(errorsIn(tooMany.text)[0], 'vous pouvez encore en ajouter 2')
    assert.lengthOf(await photoFiles(), 2)
  })
})
