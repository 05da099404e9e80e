/**
 * A minimal browser for functional tests: real HTTP to the test server,
 * a cookie jar, CSRF tokens read from the pages like a browser submits
 * them, and no automatic redirects (tests assert where they lead).
 */
export interface AgentResponse {
  status: number
  headers: Headers
  location: string | null
  text: string
}

const CSRF_INPUT = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/

export class Agent {
  cookies = new Map<string, string>()
  lastPage = ''

  constructor(
    public language = 'fr',
    public baseUrl = `http://${process.env.HOST}:${process.env.PORT}`
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private storeCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((attribute) => {
        const [key, val] = attribute.trim().split('=')
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0
        if (key.toLowerCase() === 'expires') return new Date(val).getTime() < Date.now()
        return false
      })
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async request(
    method: string,
    path: string,
    init: { body?: string | FormData; headers?: Record<string, string> } = {}
  ) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      redirect: 'manual',
      body: init.body,
      headers: {
        'accept': 'text/html',
        'accept-language': this.language,
        'cookie': this.cookieHeader(),
        ...init.headers,
      },
    })
    this.storeCookies(response.headers)
    const text = await response.text()
    if (method === 'GET') this.lastPage = text
    return {
      status: response.status,
      headers: response.headers,
      location: response.headers.get('location'),
      text,
    } satisfies AgentResponse
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request('GET', path, { headers })
  }

  /** The CSRF token of the last page fetched (as its forms carry it). */
  csrfToken(): string {
    const match = this.lastPage.match(CSRF_INPUT)
    if (!match) throw new Error('no CSRF token on the last page fetched')
    return match[1]
  }

  /**
   * Posts a form the way a browser would: fetches `from` (the page showing
   * the form) for its CSRF token unless told not to send one.
   */
  async submit(
    path: string,
    fields: Record<string, string | undefined>,
    options: { from?: string; csrf?: boolean } = {}
  ) {
    const form = new URLSearchParams()
    if (options.csrf !== false) {
      if (options.from) await this.get(options.from)
      form.set('_csrf', this.csrfToken())
    }
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) form.set(key, value)
    }
    return this.request('POST', path, {
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
  }

  /**
   * Posts a multipart form with one file, the way a browser would: the
   * CSRF token (from `from`, or the last page) comes first, then the
   * fields, then the file. fetch sets the boundary.
   */
  async upload(
    path: string,
    fields: Record<string, string | undefined>,
    file: { field?: string; name: string; type?: string; bytes: Uint8Array },
    options: { from?: string; csrf?: boolean } = {}
  ) {
    const form = new FormData()
    if (options.csrf !== false) {
      if (options.from) await this.get(options.from)
      form.set('_csrf', this.csrfToken())
    }
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) form.set(key, value)
    }
    const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], {
      type: file.type ?? 'application/octet-stream',
    })
    form.set(file.field ?? 'document', blob, file.name)
    return this.request('POST', path, { body: form })
  }
}

/** First link in a text (mail bodies) matching a path prefix. */
export function linkIn(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s"<]+${pathPrefix}[^\\s"<]*`))
  if (!match) throw new Error(`no link to ${pathPrefix} in:\n${text}`)
  return new URL(match[0]).pathname
}
