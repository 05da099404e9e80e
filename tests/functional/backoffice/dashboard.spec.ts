import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { raiseAlert, withAlertProviders } from '#tests/helpers/alerts'
import { verifiedResident, type CommunityResident } from '#tests/helpers/community'
import { signedInOperator } from '#tests/helpers/documents'
import { pelletsCampaign } from '#tests/helpers/group_buys'
import { createResident } from '#tests/helpers/residents'
import { loanFields, post } from '#tests/functional/exchanges/support'

const DASHBOARD = '/operators'
const CHARTS = ['sign_ups', 'verifications', 'exchanges', 'group_buys', 'alerts'] as const
type Chart = (typeof CHARTS)[number]

/** Monday of the week `weeksAgo` weeks before this one, 'YYYY-MM-DD' (Paris). */
function monday(weeksAgo: number): string {
  return DateTime.now()
    .setZone('Europe/Paris')
    .startOf('week')
    .minus({ weeks: weeksAgo })
    .toISODate()!
}

/** Wednesday noon (Paris) of a past week: well inside it, whatever the time of the run. */
function midweek(weeksAgo: number): Date {
  return DateTime.now()
    .setZone('Europe/Paris')
    .startOf('week')
    .minus({ weeks: weeksAgo })
    .plus({ days: 2, hours: 12 })
    .toJSDate()
}

/** The twelve weeks the dashboard shows, oldest first, with the counts expected (0 elsewhere). */
function expectedWeeks(counts: Record<number, number>): Record<string, number> {
  const weeks: Record<string, number> = {}
  for (let ago = 11; ago >= 0; ago--) weeks[monday(ago)] = counts[ago] ?? 0
  return weeks
}

function figureOf(page: string, chart: Chart): string {
  const match = page.match(new RegExp(`<figure[^>]*id="chart-${chart}"[\\s\\S]*?</figure>`))
  if (!match) throw new Error(`no ${chart} chart on the page`)
  return match[0]
}

/** Week -> count as the bars' titles say it (what a mouse user reads). */
function barTitles(page: string, chart: Chart): Record<string, number> {
  const bars = [
    ...figureOf(page, chart).matchAll(
      /<g class="chart__bar" data-week="([\d-]+)">\s*<title>[^<]*?(\d+)\s*<\/title>/g
    ),
  ]
  return Object.fromEntries(bars.map((bar) => [bar[1], Number(bar[2])]))
}

/** Week -> count as the visually-hidden table gives it (what a screen reader reads). */
function tableFigures(page: string, chart: Chart): Record<string, number> {
  const rows = [
    ...figureOf(page, chart).matchAll(
      /<tr data-week="([\d-]+)">\s*<th scope="row">[^<]*<\/th>\s*<td>\s*(\d+)\s*<\/td>/g
    ),
  ]
  return Object.fromEntries(rows.map((row) => [row[1], Number(row[2])]))
}

/** The count shown for a queue and where its box leads. */
function queue(page: string, key: string): { href: string; count: number } | null {
  const match = page.match(
    new RegExp(
      `<a class="stat queue-count" href="([^"]+)" data-queue="${key}">\\s*<span class="stat__value">(\\d+)</span>`
    )
  )
  return match ? { href: match[1].replaceAll('&amp;', '&'), count: Number(match[2]) } : null
}

async function moveUser(resident: { id: number | string }, weeksAgo: number) {
  await db
    .from('users')
    .where('id', resident.id)
    .update({ created_at: midweek(weeksAgo) })
}

test.group('Back office: dashboard', (group) => {
  withAlertProviders(group)

  test('the weekly charts count what happened in each of the last twelve weeks', async ({
    assert,
  }) => {
    const operator = await signedInOperator()
    /** The operator's own account is older than the charts. */
    await moveUser(operator, 30)

    /** Signed up this week (a new account: its posts stay within the first-week limits). */
    const camille: CommunityResident = await verifiedResident('camille@example.org', {
      accountAgeDays: 0,
    })
    const lea: CommunityResident = await verifiedResident('lea@example.org')
    await moveUser(lea, 1)
    await db
      .from('verifications')
      .where('user_id', lea.id)
      .update({ created_at: midweek(1) })
    await moveUser(await createResident({ email: 'ancien@example.org' }), 3)
    /** Thirteen weeks ago: before the charts begin. */
    await moveUser(await createResident({ email: 'pionnier@example.org' }), 13)

    await post(camille.agent, loanFields())
    const older = await post(camille.agent, loanFields({ title: 'Escabeau à prêter' }))
    await db
      .from('exchanges')
      .where('id', older)
      .update({ created_at: midweek(2) })

    const opened = await pelletsCampaign(camille, { status: 'open' })
    await db
      .from('group_buys')
      .where('id', opened.id)
      .update({ published_at: midweek(4) })
    await pelletsCampaign(lea, { status: 'draft' })

    const first = await raiseAlert(camille.agent)
    assert.equal(first.status, 302)
    await db.from('alerts').update({ created_at: midweek(5) })
    const second = await raiseAlert(lea.agent)
    assert.equal(second.status, 302)

    const page = await operator.agent.get(DASHBOARD)
    assert.equal(page.status, 200)
    assert.notInclude(page.text, 'style=', 'no inline style (CSP)')

    const expected: Record<Chart, Record<string, number>> = {
      sign_ups: expectedWeeks({ 0: 1, 1: 1, 3: 1 }),
      verifications: expectedWeeks({ 0: 1, 1: 1 }),
      exchanges: expectedWeeks({ 0: 1, 2: 1 }),
      group_buys: expectedWeeks({ 4: 1 }),
      alerts: expectedWeeks({ 0: 1, 5: 1 }),
    }
    for (const chart of CHARTS) {
      assert.deepEqual(barTitles(page.text, chart), expected[chart], `${chart}: bar titles`)
      assert.deepEqual(tableFigures(page.text, chart), expected[chart], `${chart}: table`)
      assert.equal(
        Object.keys(tableFigures(page.text, chart))[0],
        monday(11),
        `${chart}: starts eleven weeks before this one`
      )
    }
    /** Each bar says its week and figure in words; the charts are labelled images. */
    assert.include(page.text, 'Semaine du ')
    assert.match(page.text, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-sign_ups-title/)
    assert.include(figureOf(page.text, 'exchanges'), '2 sur la période')
  })

  test('each queue shows what waits and links to its page', async ({ assert }) => {
    const operator = await signedInOperator()
    const camille = await verifiedResident('camille@example.org')
    const applied = await camille.agent.submit(
      '/super-voisin/apply',
      {
        motivation: 'Je connais les commerçants de la rue et j’anime déjà la fête des voisins.',
        availability: 'weekly',
      },
      { from: '/super-voisin' }
    )
    assert.equal(applied.status, 302)

    const page = await operator.agent.get(DASHBOARD)
    assert.equal(page.status, 200)
    const links: Record<string, string> = {
      documents: '/operators/verification/documents',
      postcards: '/operators/verification/postcards',
      applications: '/operators/super-voisins',
      kits_to_approve: '/operators/kits?status=requested',
      kits_to_ship: '/operators/kits?status=approved',
      organisations: '/operators/organisations',
      organisation_postcards: '/operators/organisations',
      dead_letters: '/operators/alerts/dead-letters',
      plugins: '/operators/partners',
    }
    for (const [key, href] of Object.entries(links)) {
      const shown = queue(page.text, key)
      assert.isNotNull(shown, `${key} is shown`)
      assert.equal(shown!.href, href, `${key} links to its page`)
      assert.equal(shown!.count, key === 'applications' ? 1 : 0, `${key} count`)
      const target = await operator.agent.get(shown!.href)
      assert.equal(target.status, 200, `${href} opens`)
    }
    assert.include(page.text, 'candidature super voisin à décider')
  })

  test('answers in English to an English operator', async ({ assert }) => {
    const operator = await signedInOperator()
    operator.agent.language = 'en'
    await db.from('users').where('id', operator.id).update({ locale: 'en' })
    const page = await operator.agent.get(DASHBOARD)
    assert.equal(page.status, 200)
    assert.include(page.text, 'Weekly activity')
    assert.include(page.text, 'Week of ')
  })
})
