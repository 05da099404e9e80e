import { test } from '@japa/runner'
import { calendarText, escapeText, foldLine, type IcsEvent } from '#modules/events/services/ics'
import { parseCalendar } from '#tests/functional/events/ical'

function sample(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'event-7@quartier.test',
    sequence: 0,
    title: 'Repas partagé',
    description: '',
    location: 'Square Paul-Langevin',
    latitude: 48.8455,
    longitude: 2.3551,
    startsAt: new Date('2027-03-27T21:00:00Z'),
    endsAt: new Date('2027-03-28T08:00:00Z'),
    createdAt: new Date('2026-11-01T10:00:00Z'),
    updatedAt: new Date('2026-11-02T10:00:00Z'),
    cancelled: false,
    url: 'https://quartier.test/events/7',
    ...overrides,
  }
}

test.group('Events: iCalendar writing', () => {
  test('TEXT values escape backslash, semicolon, comma and line breaks', ({ assert }) => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng')
    assert.equal(escapeText('bell\u0007 tab\t'), 'bell tab\t')
  })

  test('lines fold at 75 octets without cutting a UTF-8 character', ({ assert }) => {
    const line = `DESCRIPTION:${'é'.repeat(60)}${'a'.repeat(50)}€€€`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    assert.isAbove(parts.length, 2)
    for (const part of parts) assert.isAtMost(Buffer.byteLength(part, 'utf8'), 75)
    parts.slice(1).forEach((part) => assert.isTrue(part.startsWith(' ')))
    assert.equal(parts.map((part, index) => (index ? part.slice(1) : part)).join(''), line)
    assert.equal(foldLine('SHORT:line'), 'SHORT:line')
  })

  test('a calendar is CRLF-ended, folded, and parses back to the same values', ({ assert }) => {
    const title = 'Apéro; jeux, musique \\ et « crêpes »'
    const description = `Ligne un\nLigne deux, avec; tout\n\n${'Très longue description '.repeat(8)}`
    const text = calendarText([sample({ title, description, sequence: 3, cancelled: true })], {
      name: 'Événements du quartier',
      stamp: new Date('2026-11-26T12:00:00Z'),
    })
    assert.isTrue(text.endsWith('\r\n'))
    assert.notMatch(text, /[^\r]\n/)
    for (const line of text.split('\r\n')) assert.isAtMost(Buffer.byteLength(line, 'utf8'), 75)
    assert.include(text, 'SUMMARY:Apéro\\; jeux\\, musique \\\\ et « crêpes »')
    assert.include(text, 'DTSTART;TZID=Europe/Paris:20270327T220000')
    assert.include(text, 'DTEND;TZID=Europe/Paris:20270328T100000')
    assert.include(text, 'DTSTAMP:20261126T120000Z')
    assert.include(text, 'BEGIN:VTIMEZONE')

    const parsed = parseCalendar(text)
    assert.equal(parsed.name, 'Événements du quartier')
    assert.lengthOf(parsed.events, 1)
    const [event] = parsed.events
    assert.equal(event.summary, title)
    assert.equal(event.description, description)
    assert.equal(event.uid, 'event-7@quartier.test')
    assert.equal(event.sequence, 3)
    assert.equal(event.status, 'CANCELLED')
    assert.equal(event.startZone, 'Europe/Paris')
    /** Across the March change: UTC+1 before, UTC+2 after. */
    assert.equal(event.start.toISOString(), '2027-03-27T21:00:00.000Z')
    assert.equal(event.end.toISOString(), '2027-03-28T08:00:00.000Z')
  })

  test('across the October change the local hours keep their meaning', ({ assert }) => {
    const text = calendarText(
      [
        sample({
          startsAt: new Date('2027-10-30T20:00:00Z'),
          endsAt: new Date('2027-10-31T11:00:00Z'),
        }),
      ],
      { name: 'x' }
    )
    assert.include(text, 'DTSTART;TZID=Europe/Paris:20271030T220000')
    assert.include(text, 'DTEND;TZID=Europe/Paris:20271031T120000')
    const [event] = parseCalendar(text).events
    assert.equal(event.start.toISOString(), '2027-10-30T20:00:00.000Z')
    assert.equal(event.end.toISOString(), '2027-10-31T11:00:00.000Z')
    assert.equal(event.status, 'CONFIRMED')
  })
})
