import { test } from '@japa/runner'
import {
  effectiveStatus,
  postcardEligibility,
  type RequestFacts,
} from '#modules/verification/services/postcards/eligibility'

const NOW = new Date('2026-06-01T12:00:00Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000)
const HOME = '12 rue des Écoles, 75005 Paris'

function latest(facts: Partial<RequestFacts> = {}) {
  const request: RequestFacts = {
    status: 'posted',
    requestedAt: daysAgo(10),
    expiresAt: new Date(NOW.getTime() + 86_400_000),
    homeLabel: HOME,
    ...facts,
  }
  return { ...request, effective: effectiveStatus(request, NOW, HOME) }
}

test.group('Postcard rules', () => {
  test('a first card may be asked', ({ assert }) => {
    assert.deepEqual(postcardEligibility(null, [], NOW), { kind: 'can_ask' })
  })

  test('not while one waits to be printed, whatever its age', ({ assert }) => {
    const waiting = latest({ status: 'requested', requestedAt: daysAgo(40), expiresAt: null })
    assert.deepEqual(postcardEligibility(waiting, [], NOW), { kind: 'waiting' })
  })

  test('30 days after the previous request, whatever became of it', ({ assert }) => {
    for (const [status, reason] of [
      ['posted', 'in_progress'],
      ['locked', 'locked'],
      ['cancelled', 'other'],
    ] as const) {
      const result = postcardEligibility(latest({ status, requestedAt: daysAgo(29) }), [], NOW)
      assert.equal(result.kind, 'too_soon', status)
      assert.equal(result.kind === 'too_soon' && result.reason, reason, status)
      assert.deepEqual(
        result.kind === 'too_soon' && result.retryFrom,
        new Date(daysAgo(29).getTime() + 30 * 86_400_000)
      )
      assert.deepEqual(
        postcardEligibility(latest({ status, requestedAt: daysAgo(31) }), [], NOW),
        { kind: 'can_ask' },
        status
      )
    }
  })

  test('at most 3 per address per 365 days, until the oldest leaves the window', ({ assert }) => {
    const dates = [daysAgo(300), daysAgo(200), daysAgo(100)]
    const result = postcardEligibility(null, dates, NOW)
    assert.equal(result.kind, 'address_limit')
    assert.deepEqual(
      result.kind === 'address_limit' && result.retryFrom,
      new Date(daysAgo(300).getTime() + 365 * 86_400_000)
    )
    assert.deepEqual(postcardEligibility(null, dates.slice(1), NOW), { kind: 'can_ask' })
  })

  test('a live code past its date is expired; a card for a former home no longer counts', ({
    assert,
  }) => {
    assert.equal(latest({ expiresAt: daysAgo(1) }).effective, 'expired')
    assert.equal(latest({ status: 'printed', expiresAt: daysAgo(1) }).effective, 'expired')
    assert.equal(latest({ status: 'used', expiresAt: daysAgo(1) }).effective, 'used')
    assert.equal(latest({ homeLabel: '3 rue Clauzel, 75009 Paris' }).effective, 'cancelled')
  })
})
