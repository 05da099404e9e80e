import { test } from '@japa/runner'
import {
  NotSupported,
  OFFER_LIMITS,
  OfferError,
  firstAnswer,
  keepValidOffers,
  mergeOffers,
  resolveBookingLink,
  truncateText,
  validateOffer,
  validateOffers,
  type PartnerOffer,
} from '../index.js'

const NOW = new Date('2026-03-02T08:00:00Z')

const offer = (overrides: Record<string, unknown> = {}): PartnerOffer =>
  ({
    id: 'car-1',
    kind: 'car',
    title: 'Renault Zoé · Gare Sud',
    description: '2 voitures disponibles',
    priceText: '4,50 € / h',
    location: { point: { latitude: 48.1035, longitude: -1.6722 }, label: "Rue de l'Alma" },
    availability: { from: NOW },
    deepLink: 'https://autopartage.example/stations/gare-sud',
    imageUrl: 'https://autopartage.example/zoe.jpg',
    attribution: 'Autopartage Rennes',
    expiresAt: new Date('2026-03-02T08:10:00Z'),
    ...overrides,
  }) as PartnerOffer

function fieldOf(value: unknown, options = {}) {
  try {
    validateOffer(value, { now: NOW, ...options })
  } catch (error) {
    if (error instanceof OfferError) return error.field
    throw error
  }
  return undefined
}

test.group('SDK: validateOffer', () => {
  test('returns a clean copy with known fields only', ({ assert }) => {
    const clean = validateOffer(
      { ...offer(), tracking: 'x'.repeat(10_000), __proto__x: 1 },
      { now: NOW }
    )
    assert.deepEqual(clean, offer())
    assert.notProperty(clean, 'tracking')
  })

  test('accepts ISO strings for dates (offers read back from a JSON cache)', ({ assert }) => {
    const revived = validateOffer(JSON.parse(JSON.stringify(offer())), { now: NOW })
    assert.instanceOf(revived.expiresAt, Date)
    assert.equal(revived.expiresAt.toISOString(), '2026-03-02T08:10:00.000Z')
  })

  test('caps texts: title at 120 characters, description at 1000', ({ assert }) => {
    assert.isUndefined(fieldOf(offer({ title: '🚗'.repeat(OFFER_LIMITS.titleLength) })))
    assert.equal(fieldOf(offer({ title: 'x'.repeat(121) })), 'title')
    assert.equal(fieldOf(offer({ title: '   ' })), 'title')
    assert.equal(fieldOf(offer({ title: 'Zoé\u0007' })), 'title')
    assert.equal(fieldOf(offer({ title: 'two\nlines' })), 'title')
    assert.isUndefined(fieldOf(offer({ description: 'line one\nline two' })))
    assert.equal(fieldOf(offer({ description: 'x'.repeat(1001) })), 'description')
    assert.equal(fieldOf(offer({ priceText: 'x'.repeat(81) })), 'priceText')
    assert.equal(fieldOf(offer({ attribution: '' })), 'attribution')
  })

  test('links and images are https only', ({ assert }) => {
    assert.equal(fieldOf(offer({ deepLink: 'http://autopartage.example/' })), 'deepLink')
    assert.equal(fieldOf(offer({ deepLink: 'javascript:alert(1)' })), 'deepLink')
    assert.equal(fieldOf(offer({ deepLink: 'https://user:pw@autopartage.example/' })), 'deepLink')
    assert.equal(
      fieldOf(offer({ deepLink: `https://autopartage.example/${'x'.repeat(2048)}` })),
      'deepLink'
    )
    assert.equal(fieldOf(offer({ imageUrl: 'data:image/png;base64,AAAA' })), 'imageUrl')
  })

  test('coordinates are finite and within range', ({ assert }) => {
    const at = (latitude: unknown, longitude: unknown) =>
      offer({ location: { point: { latitude, longitude } } })
    assert.equal(fieldOf(at(Number.NaN, 2)), 'location.point.latitude')
    assert.equal(fieldOf(at(91, 2)), 'location.point.latitude')
    assert.equal(fieldOf(at('48.1', 2)), 'location.point.latitude')
    assert.equal(fieldOf(at(48.1, Number.POSITIVE_INFINITY)), 'location.point.longitude')
    assert.equal(fieldOf(at(48.1, -181)), 'location.point.longitude')
    assert.isUndefined(fieldOf(offer({ location: { area: [-1.7, 48.09, -1.66, 48.12] } })))
    assert.equal(
      fieldOf(offer({ location: { area: [-1.6, 48.09, -1.7, 48.12] } })),
      'location.area'
    )
    assert.equal(fieldOf(offer({ location: {} })), 'location')
    assert.equal(
      fieldOf(offer({ destination: { point: { latitude: 200, longitude: 0 } } })),
      'destination.point.latitude'
    )
  })

  test('expires in the future, by the host clock', ({ assert }) => {
    assert.equal(fieldOf(offer({ expiresAt: new Date('2026-03-02T07:59:59Z') })), 'expiresAt')
    assert.equal(fieldOf(offer({ expiresAt: 'tomorrow' })), 'expiresAt')
    assert.isUndefined(fieldOf(offer(), { now: new Date('2026-03-02T08:09:00Z') }))
    assert.equal(fieldOf(offer(), { now: new Date('2026-03-02T08:10:00Z') }), 'expiresAt')
  })

  test('kind must be one the manifest declares', ({ assert }) => {
    assert.equal(fieldOf(offer({ kind: 'boat' })), 'kind')
    assert.equal(fieldOf(offer(), { kinds: ['ride'] }), 'kind')
  })

  test('an error names the offer and the field', ({ assert }) => {
    assert.throws(
      () => validateOffer(offer({ title: '' }), { now: NOW }),
      'offer "car-1": title must be a non-empty text'
    )
  })
})

test.group('SDK: validateOffers and keepValidOffers', () => {
  test('refuses an answer of more than 200 offers outright', ({ assert }) => {
    const many = Array.from({ length: 201 }, (_, index) => offer({ id: `car-${index}` }))
    assert.throws(
      () => validateOffers(many, { now: NOW }),
      /at most 200 offers per call \(got 201\)/
    )
    assert.throws(() => validateOffers({ offers: [] }, { now: NOW }), /must be a list/)
    assert.lengthOf(validateOffers(many.slice(0, 200), { now: NOW }).offers, 200)
  })

  test('drops invalid and repeated offers, reporting each', ({ assert }) => {
    const result = validateOffers(
      [
        offer(),
        offer({ id: 'car-2', deepLink: 'http://x.example' }),
        offer(),
        offer({ id: 'car-3' }),
      ],
      { now: NOW }
    )
    assert.deepEqual(
      result.offers.map((entry) => entry.id),
      ['car-1', 'car-3']
    )
    assert.deepEqual(
      result.rejected.map((entry) => [entry.index, entry.offerId, entry.field]),
      [
        [1, 'car-2', 'deepLink'],
        [2, 'car-1', 'id'],
      ]
    )
  })

  test('keepValidOffers keeps at most 200 valid, unique offers', ({ assert }) => {
    const dropped: string[] = []
    const many = Array.from({ length: 300 }, (_, index) => offer({ id: `car-${index % 250}` }))
    many.unshift(offer({ id: 'bad', title: '' }))
    const kept = keepValidOffers(many, { now: NOW, onDrop: (entry) => dropped.push(entry.field) })
    assert.lengthOf(kept, 200)
    assert.deepEqual(dropped, ['title'])
    assert.equal(new Set(kept.map((entry) => entry.id)).size, 200)
  })

  test('truncateText cuts by characters and marks the cut', ({ assert }) => {
    assert.equal(truncateText('  court  ', 10), 'court')
    assert.equal(truncateText('Une annonce bien trop longue', 10), 'Une annon…')
    assert.lengthOf([...truncateText('🚗'.repeat(200), 120)], 120)
  })
})

test.group('SDK: combine rules', () => {
  test('mergeOffers dedupes by plugin + id and interleaves the plugins', ({ assert }) => {
    const merged = mergeOffers(
      [
        {
          pluginId: 'gbfs',
          offers: [offer({ id: 'a' }), offer({ id: 'b' }), offer({ id: 'a' }), offer({ id: 'c' })],
        },
        { pluginId: 'rdex', offers: [offer({ id: 'a', kind: 'ride' })] },
        { pluginId: 'storage', offers: [] },
      ],
      { now: NOW }
    )
    assert.deepEqual(
      merged.map((entry) => entry.key),
      ['gbfs:a', 'rdex:a', 'gbfs:b', 'gbfs:c']
    )
    assert.equal(merged[1].pluginId, 'rdex')
  })

  test('mergeOffers drops expired offers and honours a limit', ({ assert }) => {
    const merged = mergeOffers(
      [
        {
          pluginId: 'p1',
          offers: [offer({ id: 'old', expiresAt: new Date('2026-03-01T00:00:00Z') }), offer()],
        },
        { pluginId: 'p2', offers: [offer(), offer({ id: 'car-2' })] },
      ],
      { now: NOW, limit: 2 }
    )
    assert.deepEqual(
      merged.map((entry) => entry.key),
      ['p1:car-1', 'p2:car-1']
    )
  })

  test('firstAnswer: the first accepted answer wins, failures are skipped', async ({ assert }) => {
    const slow = () =>
      new Promise<string>((resolve) => setTimeout(() => resolve('https://slow.example/'), 50))
    const fast = async () => 'https://fast.example/'
    const unsupported = async (): Promise<string> => {
      throw new NotSupported()
    }
    assert.equal(await firstAnswer([slow, unsupported, fast]), 'https://fast.example/')
    assert.equal(
      await firstAnswer([async () => 'javascript:alert(1)', slow], (link) =>
        link.startsWith('https:')
      ),
      'https://slow.example/'
    )
    assert.isUndefined(
      await firstAnswer([unsupported, async () => Promise.reject(new Error('down'))])
    )
    assert.isUndefined(await firstAnswer([]))
  })

  test('resolveBookingLink falls back to the deep link', async ({ assert }) => {
    const errors: unknown[] = []
    const link = (answer: () => Promise<string>) =>
      resolveBookingLink({ booking: { link: answer } }, offer(), (error) => errors.push(error))
    assert.equal(await link(async () => 'https://book.example/car-1'), 'https://book.example/car-1')
    assert.equal(await link(async () => 'http://book.example/car-1'), offer().deepLink)
    assert.equal(
      await link(async () => {
        throw new NotSupported()
      }),
      offer().deepLink
    )
    assert.lengthOf(errors, 0)
    assert.equal(
      await link(async () => {
        throw new Error('partner down')
      }),
      offer().deepLink
    )
    assert.lengthOf(errors, 1)
    assert.equal(await resolveBookingLink({}, offer()), offer().deepLink)
  })
})
