/*
| /proc helpers (Linux) shared by the benchmarks: find a launcher's child
| processes and read their memory.
*/
import { readFileSync, readdirSync } from 'node:fs'

export interface ProcInfo {
  pid: number
  ppid: number
  /** Field 22 of /proc/<pid>/stat: tells a reused pid apart. */
  startTime: string
  cmdline: string
}

export function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // comm (field 2) may hold spaces and parentheses: split after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    return { pid, ppid: Number(fields[1]), startTime: fields[19], cmdline }
  } catch {
    return null // gone meanwhile
  }
}

export function allProcs(): ProcInfo[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readProc(Number(entry)))
    .filter((proc): proc is ProcInfo => proc !== null)
}

export function descendants(rootPid: number): ProcInfo[] {
  const procs = allProcs()
  const found: ProcInfo[] = []
  let parents = new Set([rootPid])
  while (parents.size > 0) {
    const children = procs.filter((proc) => parents.has(proc.ppid))
    found.push(...children)
    parents = new Set(children.map((proc) => proc.pid))
  }
  return found
}

/** Still the same process (pid not reused)? */
export function alive(proc: ProcInfo): boolean {
  return readProc(proc.pid)?.startTime === proc.startTime
}

/** VmRSS and VmHWM (peak) in kB. */
export function memory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
    return { rss: field('VmRSS'), peak: field('VmHWM') }
  } catch {
    return null
  }
}
