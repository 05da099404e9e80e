/*
| Starts the embedded database process and waits until it accepts
| connections. Used by the launchers (bin/start.ts, bin/run_tests.ts,
| bin/ace.ts), never by the app itself.
*/
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readEmbeddedState } from './state.ts'

export interface EmbeddedDb {
  port: number
  /** Set when this call started the process (undefined when reusing one). */
  child?: ChildProcess
  stop(): Promise<void>
}

const serverScript = fileURLToPath(new URL('./server.ts', import.meta.url))

export async function startEmbeddedDb(options: {
  dataDir: string
  port?: number
  /** Reuse a server already running on this data directory. */
  reuse?: boolean
  timeoutMs?: number
  onLog?: (line: string) => void
}): Promise<EmbeddedDb> {
  if (options.reuse) {
    const running = readEmbeddedState(options.dataDir)
    if (running) return { port: running.port, stop: async () => {} }
  }

  const child = fork(
    serverScript,
    ['--data', options.dataDir, '--port', String(options.port ?? 0)],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execPath: process.execPath,
      execArgv: [],
    }
  )
  const log = options.onLog ?? (() => {})
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()))

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `the embedded database did not start within ${(options.timeoutMs ?? 120_000) / 1000} s`
        )
      )
    }, options.timeoutMs ?? 120_000)
    child.on('message', (message: { ready?: boolean; port?: number }) => {
      if (message?.ready && message.port) {
        clearTimeout(timer)
        resolve(message.port)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the embedded database exited with code ${code} before it was ready`))
    })
  })

  return {
    port,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(killer)
          resolve()
        })
        /** The server ignores signals while it has a parent (see server.ts). */
        if (child.connected) child.send({ stop: true })
        else child.kill('SIGKILL')
      }),
  }
}
