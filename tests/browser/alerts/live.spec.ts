import { test } from '@japa/runner'
import { verifiedResident } from '#tests/helpers/community'
import { GEO_TABLES, loadParis } from '#tests/helpers/geo'
import { freshStateForEachTest } from '#tests/helpers/state'
import { signIn, watchErrors } from '#tests/helpers/browser'

test.group('Alerts in a real browser', (group) => {
  group.setup(() => loadParis())
  freshStateForEachTest(group, { keep: GEO_TABLES })

  test('a neighbour’s open page shows a new alert within a second', async ({
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    await verifiedResident('camille@example.org', { displayName: 'Camille Martin' })
    await verifiedResident('lea@example.org', { displayName: 'Léa Dubois' })
    const errors: string[] = []

    /** Léa reads some page of the site, in her own browser. */
    const leaContext = await browser.newContext({
      baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
      locale: 'fr-FR',
    })
    cleanup(() => leaContext.close())
    const lea = await leaContext.newPage()
    watchErrors(lea, errors)
    await signIn(lea, 'lea@example.org')
    const streams: string[] = []
    lea.on('request', (request) => {
      if (request.url().includes('/__transmit/events')) streams.push(request.url())
    })
    await lea.goto('/alerts/preferences')
    await lea.waitForSelector('html[data-live-alerts="subscribed"][data-live="subscribed"]')
    /** The inbox and the alerts share one connection (one per page, not one per feature). */
    assert.lengthOf(streams, 1, streams.join('\n'))

    /** Camille raises an alert. */
    const camille = await browserContext.newPage()
    watchErrors(camille, errors)
    await signIn(camille, 'camille@example.org')
    await camille.goto('/alerts/new')
    await camille.getByRole('link', { name: /Vol ou cambriolage/ }).click()
    await camille.waitForSelector('textarea[name="alert_text"]')
    await camille.getByLabel('Gravité').selectOption('urgent')
    await camille
      .getByLabel('Ce qui se passe')
      .fill('Deux personnes forcent la porte du local vélos, 12 rue Linné.')

    const clickedAt = Date.now()
    const sending = camille.getByRole('button', { name: 'Envoyer l’alerte à mes voisins' }).click()
    const toast = await lea.waitForSelector('.alert-toast', { timeout: 1000 })
    const elapsed = Date.now() - clickedAt
    await sending
    assert.isBelow(elapsed, 1000, `the toast took ${elapsed} ms`)

    assert.equal(
      (await toast.$eval('.alert-toast__title', (node) => node.textContent))?.trim(),
      'Alerte urgente · Vol ou cambriolage · Saint-Victor'
    )
    assert.include(await toast.textContent(), 'Deux personnes forcent la porte du local vélos')
    assert.equal(await toast.getAttribute('role'), 'alert')

    await camille.waitForURL(/\/alerts\/\d+$/)
    await camille.assertTextContains('body', 'Votre alerte est partie')
    const alertPath = new URL(camille.url()).pathname

    /** The toast leads to the alert; closing it takes it away. */
    assert.equal(await toast.$eval('a', (link) => link.getAttribute('href')), alertPath)
    await lea.getByRole('button', { name: 'Fermer' }).click()
    assert.equal(await lea.locator('.alert-toast').count(), 0)
    await lea.goto(alertPath)
    await lea.assertTextContains('.alert-card__text', 'Deux personnes forcent la porte')

    assert.deepEqual(errors, [], errors.join('\n'))
  })
})
