import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import SendQueuedMail from '#app/jobs/send_queued_mail'
import { QueueManager } from '@adonisjs/queue'
import { createWorker, resolvedQueueConfig } from '#app/queue/in_process_worker'
import { mailbox } from '#tests/helpers/mailbox'
import { freshStateForEachTest } from '#tests/helpers/state'

test.group('Background jobs', (group) => {
  freshStateForEachTest(group)

  test('a job stored in PostgreSQL is picked up by a worker (queued mail over SMTP)', async ({
    assert,
    cleanup,
  }) => {
    /** The suite runs jobs inline (sync); this test uses the database adapter. */
    await SendQueuedMail.dispatch({
      mailer: 'smtp',
      mail: {
        message: {
          from: 'bonjour@quartier.localhost',
          to: ['karim@example.org'],
          subject: 'Colis pour vous',
          text: 'Votre colis est chez moi.',
        },
        views: {},
      },
    }).with('database')

    const stored = await db.from('queue_jobs').where('queue', 'mail')
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].status, 'pending')
    assert.lengthOf(mailbox.messages, 0)

    const worker = await createWorker(app, { adapter: 'database' })
    const running = worker.start(['mail'])
    cleanup(async () => {
      await worker.stop()
      await running
      /** The worker made 'database' the default adapter: back to the suite's. */
      await QueueManager.init(await resolvedQueueConfig(app))
    })

    const received = await mailbox.waitFor('karim@example.org', undefined, 10_000)
    assert.equal(received.subject, 'Colis pour vous')
    assert.include(received.text, 'Votre colis est chez moi.')
  })
})
