import type { PluginHttp } from './types.js'

type UpstreamResponse = Awaited<ReturnType<PluginHttp['fetch']>>

/** A partner API that answered badly: the message says which call and how (status, not JSON...). */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'UpstreamError'
  }
}

/**
 * For plugins: the JSON body of a successful answer, or an UpstreamError
 * that names the call ("RDEX journeys answered HTTP 500"). The body is
 * returned as `unknown`: check its shape before use, partners change.
 */
export async function readJson(response: UpstreamResponse, what: string): Promise<unknown> {
  if (response.status < 200 || response.status > 299) {
    throw new UpstreamError(`${what} answered HTTP ${response.status}`, response.status)
  }
  const body = await response.text()
  try {
    return JSON.parse(body) as unknown
  } catch {
    throw new UpstreamError(
      `${what} answered something that is not JSON (${body.slice(0, 40).trim() || 'empty'}…)`
    )
  }
}
