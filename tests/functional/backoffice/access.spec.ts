import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { Agent } from '#tests/helpers/agent'
import { signedInOperator } from '#tests/helpers/documents'
import { signedInResident } from '#tests/helpers/residents'
import { freshStateForEachTest } from '#tests/helpers/state'

interface OperatorRoute {
  method: string
  pattern: string
  url: string
}

/**
 * A value each route parameter accepts: 1 for numbers, the first word of
 * an `^(a|b)$` list; anything else gets a plain word.
 */
function sampleValue(matcher: { match?: RegExp } | undefined): string {
  const source = matcher?.match?.source
  if (!source) return 'x'
  const words = source.match(/^\^\(([\w|-]+)\)\$$/)
  if (words) return words[1].split('|')[0]
  return /\\d|\[0-9\]/.test(source) ? '1' : 'x'
}

/**
 * Every back office route, read from the router at test time so that a
 * route added later is covered without touching this file.
 */
function operatorRoutes(): OperatorRoute[] {
  const found: OperatorRoute[] = []
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      if (route.pattern !== '/operators' && !route.pattern.startsWith('/operators/')) continue
      const url = route.pattern
        .split('/')
        .map((segment) =>
          segment.startsWith(':')
            ? sampleValue(route.matchers[segment.slice(1).replace(/\?$/, '')])
            : segment
        )
        .join('/')
      for (const method of route.methods) {
        if (method === 'HEAD') continue
        found.push({ method, pattern: route.pattern, url })
      }
    }
  }
  return found
}

/** Asks for the route as a browser would (a POST carries the session's CSRF token). */
async function call(agent: Agent, route: OperatorRoute, formPage: string) {
  if (route.method === 'GET') return agent.get(route.url)
  return agent.submit(route.url, {}, { from: formPage })
}

test.group('Back office: only operators get in', (group) => {
  freshStateForEachTest(group)

  test('every /operators route is listed and reachable by the router', ({ assert }) => {
    const routes = operatorRoutes()
    const patterns = new Set(routes.map((route) => route.pattern))
    for (const known of [
      '/operators',
      '/operators/verification/documents',
      '/operators/verification/postcards',
      '/operators/super-voisins',
      '/operators/kits',
      '/operators/organisations',
      '/operators/alerts/dead-letters',
      '/operators/partners',
    ]) {
      assert.isTrue(patterns.has(known), `${known} is among the routes tested`)
    }
    assert.isTrue(
      routes.some((route) => route.method === 'POST'),
      'POST routes are tested too'
    )
    /** The URL built for each route reaches that very route (not a 404 of the router). */
    for (const route of routes) {
      const matched = router.match(route.url, route.method, false)
      assert.equal(matched?.route.pattern, route.pattern, `${route.method} ${route.url}`)
    }
  })

  test('a signed-in resident is refused on every back office route', async ({ assert }) => {
    const { agent } = await signedInResident('camille@example.org')
    for (const route of operatorRoutes()) {
      const response = await call(agent, route, '/profile')
      assert.oneOf(
        response.status,
        [403, 404],
        `${route.method} ${route.url} answers ${response.status} to a resident`
      )
    }
  })

  test('a guest is sent to the login page from every back office route', async ({ assert }) => {
    const guest = new Agent()
    for (const route of operatorRoutes()) {
      const response = await call(guest, route, '/login')
      assert.equal(response.status, 302, `${route.method} ${route.url} answers ${response.status}`)
      assert.match(
        response.location ?? '',
        /^\/login(\?|$)/,
        `${route.method} ${route.url} leads to ${response.location}`
      )
    }
  })

  test('an operator gets the dashboard; the header links to it for operators only', async ({
    assert,
  }) => {
    const operator = await signedInOperator()
    const page = await operator.agent.get('/operators')
    assert.equal(page.status, 200)
    assert.include(page.text, 'Tableau de bord')
    assert.match(page.text, /href="\/operators"\s+aria-current="page"/)
    /** The header's link and the first tab. */
    assert.isAtLeast(page.text.split('href="/operators"').length - 1, 2)
    /** The back office's tabs include the moderation queue. */
    assert.include(page.text, 'href="/moderation"')

    const { agent } = await signedInResident('lea@example.org')
    const home = await agent.get('/profile')
    assert.equal(home.status, 200)
    assert.notInclude(home.text, 'href="/operators"')
  })
})
