import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { liveSettled, signIn, watchErrors } from '#tests/helpers/browser'
import { parisDayFromNow, personBrowser } from '#tests/helpers/browser_people'
import { PLACES, verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'

const TITLE = 'Repas partagé au square Paul-Langevin'

test.group('Neighbourhood events in real browsers', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a resident posts an event, a neighbour answers "going" from the feed, the count shows and the .ics file downloads', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    await verifiedResident('amandine@example.org', {
      displayName: 'Amandine Roux',
      at: PLACES.saintVictor,
      addressLabel: '12 rue des Écoles, 75005 Paris',
    })
    const neighbour = await verifiedResident('bastien@example.org', {
      displayName: 'Bastien Leroy',
      at: { longitude: 2.3551, latitude: 48.8463 },
      addressLabel: '20 rue Jussieu, 75005 Paris',
    })
    const day = parisDayFromNow(9)
    const errors: string[] = []

    /** The organiser writes the event: a public place picked by its coordinates, 30 places. */
    const organiser = await browserContext.newPage()
    watchErrors(organiser, errors)
    await signIn(organiser, 'amandine@example.org')
    await organiser.goto('/events/new')
    await organiser.getByLabel('Titre').fill(TITLE)
    await organiser
      .getByLabel('Description')
      .fill('Chacun apporte un plat et ses couverts ; tables et bancs fournis.')
    await organiser.getByLabel('Genre d’événement').selectOption('festive')
    await organiser.getByLabel('Lieu', { exact: true }).fill('Square Paul-Langevin, rue des Écoles')
    await organiser.getByText('Saisir les coordonnées').click()
    await organiser.getByLabel('Latitude').fill('48.8488')
    await organiser.getByLabel('Longitude').fill('2.3499')
    await organiser.getByLabel('Date de début').fill(day)
    await organiser.getByLabel('Heure de début').fill('18:30')
    await organiser.getByLabel('Date de fin').fill(day)
    await organiser.getByLabel('Heure de fin').fill('22:00')
    await organiser.getByLabel('Nombre de places (facultatif)').fill('30')
    await liveSettled(organiser)
    await organiser.getByRole('button', { name: 'Publier l’événement' }).click()
    await organiser.waitForURL(/\/events\/\d+$/)
    await organiser.getByText('Événement publié.').waitFor()
    const path = new URL(organiser.url()).pathname
    const id = Number(path.split('/').pop())
    await organiser.assertTextContains('#event-going', '0 sur 30 places')

    /** The neighbour finds it in the feed and answers "going". */
    const guest = await personBrowser(browser, neighbour.email, errors, cleanup)
    await guest.goto('/feed')
    const card = guest.locator('.feed-card', { hasText: TITLE })
    await card.waitFor()
    await liveSettled(guest)
    await card.getByRole('link', { name: TITLE }).click()
    await guest.waitForURL(new RegExp(`${path}$`))
    await guest.assertTextContains('#event-place', 'Square Paul-Langevin')
    await guest.getByLabel('J’y vais', { exact: true }).check()
    await liveSettled(guest)
    await guest.getByRole('button', { name: 'Répondre' }).click()
    await guest.getByText('Réponse enregistrée.').waitFor()
    await guest.assertTextContains('#my-answer', 'Vous avez dit : j’y vais.')
    await guest.assertTextContains('#event-going', '1 sur 30 places (29 places libres)')
    assert.equal(await guest.locator('#going-list li').count(), 1)

    /** The organiser sees the count too. */
    await liveSettled(organiser)
    await organiser.reload()
    await organiser.assertTextContains('#event-going', '1 sur 30 places (29 places libres)')

    /** The calendar file: one event, at 18:30 Paris time. */
    await liveSettled(guest)
    const [download] = await Promise.all([
      guest.waitForEvent('download'),
      guest.getByRole('link', { name: 'Ajouter à mon agenda (.ics)' }).click(),
    ])
    assert.equal(download.suggestedFilename(), `event-${id}.ics`)
    const ics = await readFile(await download.path(), 'utf8')
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/)
    assert.include(ics, `SUMMARY:${TITLE}`)
    const compact = day.replaceAll('-', '')
    assert.include(ics, `DTSTART;TZID=Europe/Paris:${compact}T183000`)
    assert.include(ics, `DTEND;TZID=Europe/Paris:${compact}T220000`)
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 1)

    assert.deepEqual(errors, [], errors.join('\n'))
  })
})
