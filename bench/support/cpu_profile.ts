/*
| Preloaded with `node --import ./bench/support/cpu_profile.ts` (bench:alerts
| --profile=DIR): profiles the process from its start, and writes the V8 CPU
| profile to $BENCH_CPU_PROFILE_DIR/<pid>.cpuprofile when it gets SIGUSR2
| (open it in Chrome DevTools or speedscope). Works where --cpu-prof does
| not: a process stopped by a signal never reaches a normal exit.
*/
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 500 })
await session.post('Profiler.start')

process.on('SIGUSR2', async () => {
  const { profile } = await session.post('Profiler.stop')
  const dir = process.env.BENCH_CPU_PROFILE_DIR ?? '.'
  writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile))
  await session.post('Profiler.start')
})
