import { test } from '@japa/runner'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileTransport } from '#app/mail/file_transport'

test.group('FileTransport (development mails)', () => {
  test('writes the raw message and a summary the dev page lists', async ({ assert, cleanup }) => {
    const directory = await mkdtemp(join(tmpdir(), 'quartier-mails-'))
    cleanup(() => rm(directory, { recursive: true, force: true }))

    await new FileTransport(directory).send({
      from: 'bonjour@quartier.localhost',
      to: ['camille@example.org'],
      subject: 'Bienvenue',
      text: 'Bonjour Camille',
      html: '<p>Bonjour Camille</p>',
    })

    const files = (await readdir(directory)).sort()
    assert.lengthOf(files, 2)
    assert.match(files[0], /\.eml$/)
    const eml = await readFile(join(directory, files[0]), 'utf8')
    assert.include(eml, 'Subject: Bienvenue')
    const summary = JSON.parse(await readFile(join(directory, files[1]), 'utf8'))
    assert.equal(summary.subject, 'Bienvenue')
    assert.deepEqual(summary.to, ['camille@example.org'])
  })
})
