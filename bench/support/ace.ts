/*
| `node ace ...` against a given PostgreSQL, whatever .env says, with its
| output collected (and echoed when verbose).
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'

const appRoot = fileURLToPath(new URL('../../', import.meta.url))

export interface AceRun {
  code: number | null
  ms: number
  lines: string[]
}

export function runAce(
  args: string[],
  options: {
    databaseUrl: string
    verbose?: boolean
    onSpawn?: (child: ChildProcess | null) => void
  }
): Promise<AceRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    DB_DRIVER: 'postgres',
  }
  delete env.EMBEDDED_DB_DIR
  delete env.EMBEDDED_DB_PORT
  return new Promise((done, fail) => {
    const lines: string[] = []
    let pending = ''
    const started = performance.now()
    let ms = 0
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: appRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    options.onSpawn?.(child)
    const collect = (chunk: Buffer) => {
      if (options.verbose) process.stdout.write(chunk)
      pending += chunk.toString()
      const parts = pending.split(/\r?\n|\r/)
      pending = parts.pop()!
      lines.push(...parts.map((line) => stripVTControlCharacters(line)))
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('error', fail)
    child.once('exit', () => (ms = performance.now() - started))
    child.once('close', (code) => {
      options.onSpawn?.(null)
      if (pending) lines.push(stripVTControlCharacters(pending))
      done({ code, ms, lines: lines.filter((line) => line.trim()) })
    })
  })
}

export function aceFailure(what: string, run: AceRun): Error {
  const tail = run.lines
    .slice(-25)
    .map((line) => `    | ${line}`)
    .join('\n')
  return new Error(`${what} exited with ${run.code}; last lines of its output:\n${tail}`)
}
