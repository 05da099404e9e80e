import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HttpMethod } from '../types.js'

/**
 * One recorded exchange with a partner API, as written in a plugin's
 * `recordings/**\/*.http.json` file (one object or a list of them).
 * `body` is the answer as JSON (or a string for a non-JSON answer);
 * `bodyFile` instead names a file beside the recording holding the raw
 * answer, so real partner files can be kept as they were downloaded.
 */
export interface Recording {
  request: { method: HttpMethod; url: string; body?: string }
  response: {
    status: number
    headers?: Record<string, string>
    body?: unknown
    bodyFile?: string
  }
}

/** A recording with its answer read: the body as the exact text the plugin receives. */
export interface LoadedRecording {
  request: { method: HttpMethod; url: string; body?: string }
  response: { status: number; headers: Record<string, string>; body: string }
  /** The file it came from (for messages). */
  source: string
}

export class RecordingError extends Error {
  constructor(source: string, detail: string) {
    super(`Recording ${source}: ${detail}`)
    this.name = 'RecordingError'
  }
}

export function toPath(location: string | URL): string {
  return location instanceof URL ? fileURLToPath(location) : resolve(location)
}

/** The URL as compared by the fake host (WHATWG-normalised: case of the host, default port, escapes). */
export function normaliseUrl(url: string): string {
  return new URL(url).href
}

function listRecordingFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return listRecordingFiles(path)
      return entry.name.endsWith('.http.json') ? [path] : []
    })
}

function loadOne(raw: unknown, file: string, root: string, index: number): LoadedRecording {
  const source = `${relative(root, file) || file}${index > 0 ? `#${index}` : ''}`
  const entry = raw as Partial<Recording>
  const request = entry?.request
  const response = entry?.response
  if (!request || typeof request.url !== 'string' || !URL.canParse(request.url)) {
    throw new RecordingError(source, 'request.url must be an absolute URL')
  }
  const method = (request.method ?? 'GET').toUpperCase() as HttpMethod
  if (!['GET', 'POST', 'HEAD'].includes(method))
    throw new RecordingError(source, 'request.method must be GET, POST or HEAD')
  if (!response || !Number.isInteger(response.status))
    throw new RecordingError(source, 'response.status must be a number')
  let body = ''
  if (response.bodyFile !== undefined) {
    const bodyPath = resolve(dirname(file), response.bodyFile)
    if (!bodyPath.startsWith(root + sep))
      throw new RecordingError(source, 'response.bodyFile must stay inside recordings/')
    body = readFileSync(bodyPath, 'utf8')
  } else if (typeof response.body === 'string') {
    body = response.body
  } else if (response.body !== undefined) {
    body = JSON.stringify(response.body)
  }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers ?? {}))
    headers[name.toLowerCase()] = String(value)
  if (
    !headers['content-type'] &&
    response.body !== undefined &&
    typeof response.body !== 'string'
  ) {
    headers['content-type'] = 'application/json'
  }
  return {
    request: { method, url: normaliseUrl(request.url), body: request.body },
    response: { status: response.status as number, headers, body },
    source,
  }
}

/** Reads every `*.http.json` recording under a folder (sorted by path, so the first match is stable). */
export function loadRecordings(location: string | URL): LoadedRecording[] {
  const root = toPath(location)
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RecordingError(root, 'is not a folder of recordings')
  }
  return listRecordingFiles(root).flatMap((file) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new RecordingError(
        relative(root, file),
        `is not valid JSON (${(error as Error).message})`
      )
    }
    const entries = Array.isArray(parsed) ? parsed : [parsed]
    return entries.map((entry, index) => loadOne(entry, file, root, index))
  })
}
