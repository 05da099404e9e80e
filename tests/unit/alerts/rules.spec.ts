import { test } from '@japa/runner'
import { retryAfterMs } from '#app/sms/twilio_sms_sender'
import { retryDelayMs } from '#modules/alerts/services/backoff'
import { excerpt } from '#modules/alerts/services/messages'
import {
  inQuietHours,
  minutesOf,
  parisMinuteOfDay,
  startOfParisDay,
} from '#modules/alerts/services/paris_time'
import { hashPhoneCode, newPhoneCode, phoneCodeMatches } from '#modules/alerts/services/phone_codes'
import { channelDecision, defaultPreferences } from '#modules/alerts/services/preferences'
import { isPushServiceEndpoint } from '#modules/alerts/services/push/endpoints'
import { PushDeliveryError } from '#modules/alerts/services/push/push_sender'
import { alertSettings } from '#modules/alerts/services/settings'

const at = (time: string) => minutesOf(time)!

test.group('Alerts rules: quiet hours and channels', () => {
  test('quiet hours within a day and over midnight', ({ assert }) => {
    assert.isTrue(inQuietHours(at('13:00'), at('12:00'), at('14:00')))
    assert.isFalse(inQuietHours(at('14:00'), at('12:00'), at('14:00')), 'the end is not included')
    assert.isTrue(inQuietHours(at('23:30'), at('22:00'), at('07:00')))
    assert.isTrue(inQuietHours(at('00:00'), at('22:00'), at('07:00')))
    assert.isTrue(inQuietHours(at('06:59'), at('22:00'), at('07:00')))
    assert.isFalse(inQuietHours(at('07:00'), at('22:00'), at('07:00')))
    assert.isFalse(inQuietHours(at('12:00'), at('22:00'), at('07:00')))
    assert.isFalse(inQuietHours(at('12:00'), null, null))
  })

  test('Paris time, whatever the server zone (summer and winter)', ({ assert }) => {
    assert.equal(parisMinuteOfDay(new Date('2026-07-01T21:30:00Z')), at('23:30'))
    assert.equal(parisMinuteOfDay(new Date('2026-01-15T21:30:00Z')), at('22:30'))
    assert.equal(
      startOfParisDay(new Date('2026-07-01T23:30:00Z')).toISOString(),
      '2026-07-01T22:00:00.000Z'
    )
    assert.isNull(minutesOf('24:00'))
    assert.equal(minutesOf('07:05:00'), 425)
  })

  test('what a resident’s choices say for each channel and severity', ({ assert }) => {
    const preferences = defaultPreferences()
    const awake = at('12:00')
    assert.equal(channelDecision(preferences, 'push', 'info', awake), 'send')
    assert.equal(channelDecision(preferences, 'email', 'info', awake), 'unwanted')
    assert.equal(channelDecision(preferences, 'email', 'urgent', awake), 'send')
    assert.equal(
      channelDecision(preferences, 'sms', 'critical', awake),
      'unwanted',
      'SMS is opt-in'
    )

    const night = { ...preferences, quietStart: at('22:00'), quietEnd: at('07:00') }
    night.channels.sms = { info: true, urgent: true, critical: true }
    const asleep = at('03:00')
    assert.equal(channelDecision(night, 'push', 'urgent', asleep), 'quiet_hours')
    assert.equal(channelDecision(night, 'push', 'critical', asleep), 'send')
    assert.equal(channelDecision(night, 'email', 'critical', asleep), 'send')
    assert.equal(channelDecision(night, 'sms', 'critical', asleep), 'quiet_hours')
    assert.equal(channelDecision(night, 'email', 'info', asleep), 'unwanted')
  })
})

test.group('Alerts rules: retries', () => {
  test('exponential backoff with jitter, capped', ({ assert }) => {
    const { baseDelayMs, maxDelayMs } = alertSettings.retry
    const low = () => 0
    const high = () => 0.999999
    assert.equal(retryDelayMs(1, undefined, low), baseDelayMs / 2)
    assert.closeTo(retryDelayMs(1, undefined, high), baseDelayMs, 1)
    assert.equal(retryDelayMs(2, undefined, low), baseDelayMs)
    assert.equal(retryDelayMs(3, undefined, low), baseDelayMs * 2)
    assert.equal(retryDelayMs(30, undefined, low), maxDelayMs / 2)
    assert.isAtMost(retryDelayMs(30, undefined, high), maxDelayMs)
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)))
    assert.isAbove(spread.size, 1, 'jitter: not every retry at the same moment')
  })

  test('Retry-After is honoured, never shortened', ({ assert }) => {
    assert.equal(
      retryDelayMs(1, 120_000, () => 0),
      120_000
    )
    assert.isBelow(
      retryDelayMs(1, 120_000, () => 0.999),
      121_000
    )
    assert.equal(retryAfterMs('120'), 120_000)
    assert.equal(
      retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')),
      60_000
    )
    assert.isUndefined(retryAfterMs(undefined))
    assert.isUndefined(retryAfterMs('soon'))
  })

  test('which push answers are worth another try', ({ assert }) => {
    assert.isTrue(new PushDeliveryError('x', 500).transient)
    assert.isTrue(new PushDeliveryError('x', 429).transient)
    assert.isTrue(new PushDeliveryError('x').transient, 'unreachable')
    assert.isFalse(new PushDeliveryError('x', 400).transient)
    assert.isTrue(new PushDeliveryError('x', 410).gone)
    assert.isTrue(new PushDeliveryError('x', 404).gone)
    assert.isFalse(new PushDeliveryError('x', 500).gone)
  })
})

test.group('Alerts rules: safety', () => {
  test('push endpoints: browser push services over https only', ({ assert }) => {
    assert.isTrue(isPushServiceEndpoint('https://fcm.googleapis.com/fcm/send/abc'))
    assert.isTrue(isPushServiceEndpoint('https://updates.push.services.mozilla.com/wpush/v2/abc'))
    assert.isTrue(isPushServiceEndpoint('https://web.push.apple.com/QGx'))
    assert.isTrue(isPushServiceEndpoint('https://db5p.notify.windows.com/w/?token=abc'))
    assert.isFalse(isPushServiceEndpoint('http://fcm.googleapis.com/fcm/send/abc'))
    assert.isFalse(isPushServiceEndpoint('https://fcm.googleapis.com.evil.example/x'))
    assert.isFalse(isPushServiceEndpoint('https://notify.windows.com.evil.example/x'))
    assert.isFalse(isPushServiceEndpoint('https://169.254.169.254/latest/meta-data'))
    assert.isFalse(isPushServiceEndpoint('https://user:pass@fcm.googleapis.com/x'))
    assert.isFalse(isPushServiceEndpoint('https://fcm.googleapis.com:8443/x'))
    assert.isFalse(isPushServiceEndpoint('not a url'))
  })

  test('phone codes: 6 digits, hashed, bound to the resident and the number', ({ assert }) => {
    const codes = new Set(Array.from({ length: 50 }, () => newPhoneCode()))
    for (const code of codes) assert.match(code, /^\d{6}$/)
    assert.isAbove(codes.size, 40)
    const hash = hashPhoneCode(7, '+33612345678', '123456')
    assert.match(hash, /^[0-9a-f]{64}$/)
    assert.isTrue(phoneCodeMatches(7, '+33612345678', '123456', hash))
    assert.isFalse(phoneCodeMatches(7, '+33612345678', '123457', hash))
    assert.isFalse(phoneCodeMatches(8, '+33612345678', '123456', hash))
    assert.isFalse(phoneCodeMatches(7, '+33699999999', '123456', hash))
  })

  test('texts are cut at a word, with an ellipsis', ({ assert }) => {
    assert.equal(excerpt('Court.', 20), 'Court.')
    assert.equal(excerpt('Un   texte\nsur deux lignes', 100), 'Un texte sur deux lignes')
    const cut = excerpt('Incendie dans la cour du quatre rue Linné, évacuez la cage B', 30)
    assert.isAtMost(cut.length, 30)
    assert.isTrue(cut.endsWith('…'))
    assert.notInclude(cut, 'évac')
  })
})
