/*
| A Redis for the tests that need one (several app processes): REDIS_URL
| when it is set (CI exports the one .ci/redis.sh started), otherwise a
| throwaway `redis-server` on a free port, when Debian's binary is there.
*/
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { freePort } from '#tests/helpers/app_process'

export const REDIS_HINT =
  'Redis is needed: install it (apt-get install redis-server) or set REDIS_URL=redis://host:6379'

/** redis-server from PATH (Debian installs /usr/bin/redis-server), or REDIS_SERVER_PATH. */
export function redisServerBinary(): string | null {
  if (process.env.REDIS_SERVER_PATH) {
    return existsSync(process.env.REDIS_SERVER_PATH) ? process.env.REDIS_SERVER_PATH : null
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).concat('/usr/bin', '/usr/sbin')
  return dirs.map((dir) => join(dir, 'redis-server')).find((path) => existsSync(path)) ?? null
}

export function redisAvailable(): boolean {
  return !!process.env.REDIS_URL || redisServerBinary() !== null
}

export interface TestRedis {
  url: string
  /** Stops the throwaway server (a given REDIS_URL is left alone). */
  stop(): Promise<void>
}

/** Sends PING over a raw socket: true when the server answers PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

export async function startTestRedis(): Promise<TestRedis> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} }

  const binary = redisServerBinary()
  if (!binary) throw new Error(REDIS_HINT)
  const dir = mkdtempSync(join(tmpdir(), 'quartier-test-redis-'))
  const port = await freePort()
  /** In memory only, loopback only, its files in a throwaway folder. */
  const server = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  /** A test run that dies must not leave the server behind. */
  const killOnExit = () => server.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async () => {
    process.off('exit', killOnExit)
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM')
      const timer = setTimeout(() => server.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 10_000
  while (!(await ping(port))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`redis-server (${binary}) did not start on port ${port}:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url: `redis://127.0.0.1:${port}/0`, stop }
}
