import { test } from '@japa/runner'
import {
  ABILITIES,
  authorNameFor,
  levelAllows,
  type Ability,
} from '#modules/verification/services/trust'
import { neighbourName } from '#modules/verification/services/cooptation/names'

test.group('Trust: how an author name reads to a viewer', () => {
  test('a verified viewer sees the whole name', ({ assert }) => {
    assert.equal(authorNameFor('Camille Martin', 'verified'), 'Camille Martin')
    assert.equal(authorNameFor('Jean-Pierre de La Tour', 'verified'), 'Jean-Pierre de La Tour')
  })

  test('an unverified viewer sees the first name only', ({ assert }) => {
    assert.equal(authorNameFor('Camille Martin', 'unverified'), 'Camille')
    assert.equal(authorNameFor('Jean-Pierre de La Tour', 'unverified'), 'Jean-Pierre')
    assert.equal(authorNameFor('  Léa   Dubois ', 'unverified'), 'Léa')
    assert.equal(authorNameFor('Zoé', 'unverified'), 'Zoé')
  })

  test('co-optation lists add the initial of the last name for unverified viewers', ({
    assert,
  }) => {
    assert.equal(neighbourName('Camille Martin', 'unverified'), 'Camille M.')
    assert.equal(neighbourName('Jean-Pierre de La Tour', 'unverified'), 'Jean-Pierre T.')
    assert.equal(neighbourName('léa écuyer', 'unverified'), 'léa É.')
    assert.equal(neighbourName('Zoé', 'unverified'), 'Zoé')
    assert.equal(neighbourName('Camille Martin', 'verified'), 'Camille Martin')
  })
})

test.group('Trust: what a level allows', () => {
  test('an unverified resident may only read their feed', ({ assert }) => {
    const allowed = (Object.keys(ABILITIES) as Ability[]).filter((ability) =>
      levelAllows('unverified', ability)
    )
    assert.deepEqual(allowed, ['read_feed'])
    assert.isFalse(levelAllows('unverified', 'vouch'))
    assert.isFalse(levelAllows('unverified', 'post'))
  })

  test('a verified resident may do everything', ({ assert }) => {
    for (const ability of Object.keys(ABILITIES) as Ability[]) {
      assert.isTrue(levelAllows('verified', ability), ability)
    }
  })
})
