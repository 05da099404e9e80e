import type { Group } from '@japa/runner/core'
import { resetDatabase } from '#tests/helpers/database'
import { mailbox } from '#tests/helpers/mailbox'

/**
 * Every test starts with empty tables (rate-limit counters included) and
 * an empty mailbox.
 */
export function freshStateForEachTest(group: Group, options: { keep?: string[] } = {}) {
  group.each.setup(async () => {
    await resetDatabase(options)
    mailbox.clear()
  })
}
