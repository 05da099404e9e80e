import { randomUUID } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Agent } from '#tests/helpers/agent'
import {
  deliveries,
  lastAlert,
  openStream,
  raiseAlert,
  stopTheWorker,
  subscribe,
  withAlertProviders,
} from '#tests/helpers/alerts'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { makeModerator, signedInOperator } from '#tests/helpers/documents'
import { mailbox } from '#tests/helpers/mailbox'

const SUSPICIOUS = {
  alert_kind: 'suspicious_behaviour',
  alert_text: 'Deux personnes essaient les poignées des voitures rue Linné.',
  guard_acknowledged: '1',
  alert_behaviour: 'Elles essaient chaque poignée de portière et regardent dans les habitacles.',
  alert_direction: 'Vers la rue Cuvier',
  alert_vehicle_kind: 'on_foot',
}

async function alertCount() {
  const [row] = await db.from('alerts').count('* as total')
  return Number(row.total)
}

async function outboxCount() {
  const [row] = await db.from('alert_outbox').count('* as total')
  return Number(row.total)
}

test.group('Alerts: raising one', (group) => {
  withAlertProviders(group)

  test('a verified resident warns the neighbourhood; another neighbourhood sees nothing', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    const lea = await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    const karim = await verifiedResident('karim@example.org', { at: PLACES.clignancourt })

    const form = await camille.agent.get('/alerts/new?kind=theft_burglary')
    assert.equal(form.status, 200)
    assert.include(form.text, 'name="alert_text"')
    assert.include(form.text, 'Vous pouvez encore lancer 3 alertes dans les 24 heures.')

    const response = await raiseAlert(camille.agent)
    assert.equal(response.status, 302)
    const alert = await lastAlert()
    assert.equal(response.location, `/alerts/${alert.id}`)
    assert.equal(Number(alert.author_id), camille.id)
    assert.equal(Number(alert.neighbourhood_id), camille.neighbourhoodId)
    assert.equal(alert.kind, 'theft_burglary')
    assert.equal(alert.severity, 'urgent')
    assert.isNull(alert.place)

    /** The outbox row was written with it and the fan-out ran (the queue is inline in tests). */
    const outbox = await db.from('alert_outbox').where('alert_id', alert.id).firstOrFail()
    assert.isNotNull(outbox.announced_at)
    assert.isNotNull(outbox.expanded_at)
    const mail = await mailbox.waitFor('lea@example.org')
    assert.include(mail.subject, 'Alerte urgente · Vol ou cambriolage · Saint-Victor')
    assert.include(mail.text, 'Cambriolage en cours au 12 rue Linné')
    assert.include(mail.text, `/alerts/${alert.id}`)
    assert.notInclude(mail.text, 'Camille')
    assert.lengthOf(mailbox.to('camille@example.org'), 0, 'the author is not told their own alert')
    assert.lengthOf(mailbox.to('karim@example.org'), 0)

    const page = await camille.agent.get(`/alerts/${alert.id}`)
    assert.include(page.text, 'Votre alerte est partie : vos voisins la reçoivent maintenant.')
    assert.include(page.text, 'Cambriolage en cours au 12 rue Linné')

    const list = await lea.agent.get('/alerts')
    assert.include(list.text, 'Cambriolage en cours au 12 rue Linné')
    assert.include(list.text, 'par Camille Martin')
    assert.equal((await lea.agent.get(`/alerts/${alert.id}`)).status, 200)

    assert.notInclude((await karim.agent.get('/alerts')).text, 'Cambriolage en cours')
    const foreign = await karim.agent.get(`/alerts/${alert.id}`)
    assert.equal(foreign.status, 404)
    assert.notInclude(foreign.text, 'Cambriolage')
    assert.equal((await karim.agent.get(`/alerts/${alert.id + 1000}`)).status, 404)
  })

  test('an unverified resident is refused with the ways to get verified', async ({ assert }) => {
    const hugo = await verifiedResident('hugo@example.org', { verified: false })

    const form = await hugo.agent.get('/alerts/new')
    assert.equal(form.status, 403)
    assert.include(form.text, 'Vérifiez d&#x27;abord votre adresse')
    assert.include(form.text, 'href="/verify"')

    const list = await hugo.agent.get('/alerts')
    assert.equal(list.status, 200)
    assert.include(list.text, 'Pour lancer une alerte, votre adresse doit être vérifiée.')
    assert.notInclude(list.text, 'href="/alerts/new"')

    /** The form page itself is refused: post with the token of the list page. */
    const posted = await hugo.agent.submit(
      '/alerts',
      { alert_kind: 'accident', alert_severity: 'urgent', alert_text: 'Un accident rue Linné.' },
      { from: '/alerts' }
    )
    assert.equal(posted.status, 403)
    assert.include(posted.text, 'Vérifiez d&#x27;abord votre adresse')
    assert.equal(await alertCount(), 0)
    assert.equal(await outboxCount(), 0)
  })

  test('refuses {name}, says why and writes nothing')
    .with([
      { name: 'an empty text', fields: { alert_text: '' }, message: 'Écrivez ce qui se passe.' },
      {
        name: 'a text over 280 characters',
        fields: { alert_text: 'a'.repeat(281) },
        message: 'Votre message doit faire au plus 280 caractères',
      },
      {
        name: 'an unknown kind',
        fields: { alert_kind: 'party' },
        message: 'Choisissez une valeur proposée pour le champ type d’alerte.',
      },
      {
        name: 'an unknown severity',
        fields: { alert_severity: 'apocalyptic' },
        message: 'Choisissez une valeur proposée pour le champ gravité.',
      },
      {
        name: 'a latitude without longitude',
        fields: { place_latitude: '48.8476' },
        message: 'Placez le lieu sur la carte, ou laissez les deux coordonnées vides.',
      },
      {
        name: 'coordinates off the globe',
        fields: { place_latitude: '148.8', place_longitude: '2.35' },
        message: 'Le champ latitude du lieu doit être au plus 90.',
      },
      {
        name: 'a place far from home',
        fields: { place_latitude: '45.764', place_longitude: '4.8357' },
        message: 'Ce lieu est à plus de 5 km de chez vous',
      },
    ])
    .run(async ({ assert }, row) => {
      const camille = await verifiedResident('camille@example.org')
      const response = await raiseAlert(
        camille.agent,
        row.fields as Record<string, string | undefined>
      )
      assert.equal(response.status, 422)
      assert.include(response.text, row.message.replace(/'/g, '&#x27;'))
      assert.equal(await alertCount(), 0)
      assert.equal(await outboxCount(), 0)
    })

  test('suspicious behaviour: a guard screen first, then details beyond appearance', async ({
    assert,
  }) => {
    const camille = await verifiedResident('camille@example.org')

    const guard = await camille.agent.get('/alerts/new?kind=suspicious_behaviour')
    assert.equal(guard.status, 200)
    assert.include(guard.text, 'Avant de signaler un comportement suspect')
    assert.include(guard.text, 'L’apparence d’une personne')
    assert.notInclude(guard.text, 'name="alert_text"')
    assert.include(guard.text, 'href="/alerts/new?kind=suspicious_behaviour&amp;guard=read"')

    const form = await camille.agent.get('/alerts/new?kind=suspicious_behaviour&guard=read')
    for (const field of ['alert_behaviour', 'alert_direction', 'alert_vehicle_kind']) {
      assert.include(form.text, `name="${field}"`)
    }
    assert.include(form.text, 'name="guard_acknowledged" value="1"')

    /** Posted without the guard screen: the guard screen comes back, nothing is written. */
    const unread = await raiseAlert(camille.agent, { ...SUSPICIOUS, guard_acknowledged: undefined })
    assert.equal(unread.status, 422)
    assert.include(unread.text, 'Lisez d’abord ce qui compte comme comportement suspect.')
    assert.include(unread.text, 'Avant de signaler un comportement suspect')

    /** An appearance alone: the behaviour, the direction and the way of moving are required. */
    const appearance = await raiseAlert(camille.agent, {
      alert_kind: 'suspicious_behaviour',
      guard_acknowledged: '1',
      alert_text: 'Un homme en survêtement noir rue Linné.',
    })
    assert.equal(appearance.status, 422)
    assert.include(appearance.text, 'Décrivez ce que la personne faisait')
    assert.include(appearance.text, 'Indiquez la direction prise')
    assert.include(appearance.text, 'Indiquez comment la personne se déplaçait')

    const short = await raiseAlert(camille.agent, { ...SUSPICIOUS, alert_behaviour: 'Louche.' })
    assert.equal(short.status, 422)
    assert.include(short.text, 'Décrivez le comportement en au moins 20 caractères')
    assert.equal(await alertCount(), 0)

    const sent = await raiseAlert(camille.agent, {
      ...SUSPICIOUS,
      alert_vehicle_details: 'Scooter gris',
    })
    assert.equal(sent.status, 302)
    const alert = await lastAlert()
    assert.equal(alert.kind, 'suspicious_behaviour')
    assert.equal(alert.behaviour, SUSPICIOUS.alert_behaviour)
    assert.equal(alert.direction, 'Vers la rue Cuvier')
    assert.equal(alert.vehicle_kind, 'on_foot')
    const page = await camille.agent.get(`/alerts/${alert.id}`)
    assert.include(page.text, 'Vers la rue Cuvier')
    assert.include(page.text, 'À pied')
  })

  test('the 4th alert within 24 hours is refused with a clear message', async ({ assert }) => {
    const camille = await verifiedResident('camille@example.org')
    for (let index = 0; index < 3; index++) {
      assert.equal((await raiseAlert(camille.agent)).status, 302, `alert ${index + 1}`)
    }
    const form = await camille.agent.get('/alerts/new?kind=accident')
    assert.include(form.text, 'Vous avez lancé 3 alertes ces dernières 24 heures')

    const refused = await raiseAlert(camille.agent)
    assert.equal(refused.status, 429)
    assert.include(
      refused.text,
      'Vous avez déjà lancé 3 alertes ces dernières 24 heures : c’est le maximum.'
    )
    assert.include(refused.text, 'Vous pourrez en lancer une autre à partir du')
    assert.equal(await alertCount(), 3)
    assert.equal(await outboxCount(), 3)

    /** A rolling window: the oldest one more than 24 hours ago frees a place. */
    const oldest = await db.from('alerts').orderBy('id').firstOrFail()
    await db
      .from('alerts')
      .where('id', oldest.id)
      .update({ created_at: new Date(Date.now() - 25 * 3600_000) })
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    assert.equal(await alertCount(), 4)
  })

  test('a place is kept precisely and only ever shown fuzzed', async ({ assert }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const response = await raiseAlert(camille.agent, {
      place_latitude: '48.846123',
      place_longitude: '2.353987',
    })
    assert.equal(response.status, 302)
    const alert = await lastAlert()
    const { rows } = await db.rawQuery(
      `SELECT ST_Y(place) AS lat, ST_X(place) AS lon, ST_Y(place_shown) AS shown_lat,
              ST_X(place_shown) AS shown_lon,
              ST_Distance(place::geography, place_shown::geography) AS moved
         FROM alerts WHERE id = ?`,
      [alert.id]
    )
    assert.closeTo(Number(rows[0].lat), 48.846123, 1e-9)
    assert.closeTo(Number(rows[0].lon), 2.353987, 1e-9)
    assert.isAbove(Number(rows[0].moved), 0)
    assert.isBelow(Number(rows[0].moved), 160)

    const page = await lea.agent.get(`/alerts/${alert.id}`)
    assert.include(page.text, 'data-map="view"')
    assert.include(page.text, `${Number(rows[0].shown_lat)},${Number(rows[0].shown_lon)}`)
    assert.notInclude(page.text, '48.846123')
    assert.notInclude(page.text, '2.353987')
  })

  test('moderators of the neighbourhood and operators retract; nobody else', async ({
    assert,
    cleanup,
  }) => {
    /** A stopped worker: the alert's deliveries stay pending until the retraction cancels them. */
    const queue = stopTheWorker(cleanup)
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const moderator = await verifiedResident('modo@example.org')
    await makeModerator(moderator.id, 'saint-victor')
    const otherModerator = await verifiedResident('karim@example.org', { at: PLACES.clignancourt })
    await makeModerator(otherModerator.id, 'clignancourt')

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const alert = await lastAlert()
    const { default: ExpandAlert } = await import('#modules/alerts/actions/expand_alert')
    await new ExpandAlert(queue).run(queue.expansions[0])
    assert.isNotEmpty(await deliveries(alert.id))

    const asResident = await lea.agent.get(`/alerts/${alert.id}`)
    assert.notInclude(asResident.text, 'name="retract_reason"')
    const refused = await lea.agent.submit(`/alerts/${alert.id}/retract`, {
      retract_reason: 'Je ne suis pas d’accord',
    })
    assert.equal(refused.status, 403)
    assert.include(refused.text, 'Seuls les modérateurs du quartier')

    const hidden = await otherModerator.agent.submit(
      `/alerts/${alert.id}/retract`,
      { retract_reason: 'Hors de mon quartier' },
      { from: '/alerts' }
    )
    assert.equal(hidden.status, 404)

    const page = await moderator.agent.get(`/alerts/${alert.id}`)
    assert.include(page.text, 'name="retract_reason"')
    assert.include(page.text, 'id="deliveries"', 'moderators see the delivery counts')
    const empty = await moderator.agent.submit(`/alerts/${alert.id}/retract`, {
      retract_reason: '',
    })
    assert.equal(empty.status, 422)
    assert.include(empty.text, 'Indiquez la raison du retrait')
    assert.equal((await lastAlert()).status, 'active')

    const retracted = await moderator.agent.submit(`/alerts/${alert.id}/retract`, {
      retract_reason: 'Fausse alerte : c’était le déménagement du voisin.',
    })
    assert.equal(retracted.status, 302)
    const row = await lastAlert()
    assert.equal(row.status, 'retracted')
    assert.equal(Number(row.retracted_by_id), moderator.id)
    for (const delivery of await deliveries(alert.id)) {
      assert.equal(delivery.status, 'skipped')
      assert.equal(delivery.reason, 'retracted')
    }
    const shown = await lea.agent.get(`/alerts/${alert.id}`)
    assert.include(shown.text, 'Fausse alerte : c’était le déménagement du voisin.')
    assert.include(shown.text, 'Alerte retirée par')

    /** Twice: already done. An operator may retract too (another alert). */
    const again = await moderator.agent.submit(`/alerts/${alert.id}/retract`, {
      retract_reason: 'Encore une fois',
    })
    assert.equal(again.status, 409)
    assert.include(again.text, 'Cette alerte est déjà retirée.')
    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const second = await lastAlert()
    const operator = await signedInOperator()
    const byOperator = await operator.agent.submit(
      `/alerts/${second.id}/retract`,
      {
        retract_reason: 'Message inapproprié',
      },
      { from: `/alerts/${second.id}` }
    )
    assert.equal(byOperator.status, 302)
    assert.equal((await lastAlert()).status, 'retracted')
  })

  test('the live channel: neighbours hear a new alert, other neighbourhoods are refused', async ({
    assert,
    cleanup,
  }) => {
    const camille = await verifiedResident('camille@example.org')
    const lea = await verifiedResident('lea@example.org')
    const karim = await verifiedResident('karim@example.org', { at: PLACES.clignancourt })
    const channel = `neighbourhoods/${camille.neighbourhoodId}/alerts`

    const live = await lea.agent.get('/alerts/live', { accept: 'application/json' })
    assert.equal(JSON.parse(live.text).channel, channel)
    assert.equal((await new Agent().get('/alerts/live')).status, 302, 'guests are sent to log in')

    await karim.agent.get('/alerts')
    const karimUid = randomUUID()
    const karimStream = await openStream(karim.agent, karimUid)
    cleanup(() => karimStream.close())
    assert.notEqual((await subscribe(karim.agent, karimUid, channel)).status, 204)

    await lea.agent.get('/alerts')
    const uid = randomUUID()
    const stream = await openStream(lea.agent, uid)
    cleanup(() => stream.close())
    assert.equal((await subscribe(lea.agent, uid, channel)).status, 204)

    assert.equal((await raiseAlert(camille.agent)).status, 302)
    const alert = await lastAlert()
    const event = await stream.nextData()
    assert.equal(event.channel, channel)
    assert.equal(event.payload.kind, 'alert.raised')
    assert.equal(event.payload.id, Number(alert.id))
    assert.equal(event.payload.url, `/alerts/${alert.id}`)
    assert.equal(event.payload.title.fr, 'Alerte urgente · Vol ou cambriolage')
    assert.equal(event.payload.title.en, 'Urgent alert · Theft or burglary')
    assert.include(event.payload.text, 'Cambriolage en cours')
  })
})
