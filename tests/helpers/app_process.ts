/*
| Real app processes for the tests that need several (scale-out): each is
| `node bin/server.ts` on its own port, started the way bin/start.ts starts
| the web process, and says it is ready over IPC once it serves requests.
*/
import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Agent } from '#tests/helpers/agent'

const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A free loopback port (asked from the kernel, then released). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface AppProcess {
  name: string
  url: string
  pid: number
  /** SIGTERM (a graceful stop), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>
}

/**
 * Starts an app process with the test run's environment (same database,
 * APP_KEY, SMTP mailbox) plus `env` (undefined removes a variable). Its
 * log lines are copied to stderr, prefixed with its name.
 */
export async function startAppProcess(
  name: string,
  env: Record<string, string | undefined>,
  timeoutMs = 90_000
): Promise<AppProcess> {
  const port = await freePort()
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key]
    else childEnv[key] = value
  }
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: APP_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let output = ''
  const relay = (chunk: Buffer) => {
    output += chunk
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) process.stderr.write(`[app ${name}] ${line}\n`)
    }
  }
  child.stdout!.on('data', relay)
  child.stderr!.on('data', relay)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  const stop = async (graceMs = 10_000) => {
    process.off('exit', killOnExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.on('message', (message: { ready?: boolean }) => {
      if (!message?.ready) return
      clearTimeout(timer)
      resolve(true)
    })
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(false)
    })
  })
  if (!ready) {
    await stop(1000)
    throw new Error(
      `app process ${name} did not start within ${timeoutMs} ms (exit code ${child.exitCode}):\n${output}`
    )
  }
  return { name, url: `http://127.0.0.1:${port}`, pid: child.pid!, stop }
}

/**
 * The same browser (cookie jar shared) talking to another app process: a
 * session cookie signed with the shared APP_KEY is valid on every process.
 */
export function sameBrowserOn(agent: Agent, appProcess: AppProcess): Agent {
  const other = new Agent(agent.language, appProcess.url)
  other.cookies = agent.cookies
  other.lastPage = agent.lastPage
  return other
}
