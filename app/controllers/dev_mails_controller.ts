import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import type { HttpContext } from '@adonisjs/core/http'

interface StoredMail {
  id: string
  date: string
  to: unknown
  subject: string
  text?: string
  html?: string
}

const ID = /^[A-Za-z0-9-]+$/

/**
 * Development only: the mails the file transport wrote (MAIL_DRIVER=file).
 */
export default class DevMailsController {
  private directory() {
    return app.makePath(env.get('MAIL_DIR', 'storage/mails'))
  }

  private async read(id: string): Promise<StoredMail | null> {
    if (!ID.test(id)) return null
    try {
      const raw = await readFile(join(this.directory(), `${id}.json`), 'utf8')
      return { id, ...JSON.parse(raw) }
    } catch {
      return null
    }
  }

  async index({ view }: HttpContext) {
    let files: string[] = []
    try {
      const entries = await readdir(this.directory())
      files = entries.filter((file) => file.endsWith('.json'))
    } catch {}
    const ids = files
      .map((file) => file.slice(0, -5))
      .sort()
      .reverse()
      .slice(0, 100)
    const found = await Promise.all(ids.map((id) => this.read(id)))
    const mails = found.filter(Boolean)
    return view.render('pages/dev/mails', { mails, directory: this.directory() })
  }

  async show({ params, view, response }: HttpContext) {
    const mail = await this.read(params.id)
    if (!mail) return response.notFound()
    return view.render('pages/dev/mail', { mail })
  }

  /** The HTML part, alone, under a CSP that lets nothing run. */
  async html({ params, response }: HttpContext) {
    const mail = await this.read(params.id)
    if (!mail?.html) return response.notFound()
    response.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    return response.header('content-type', 'text/html; charset=utf-8').send(mail.html)
  }
}
