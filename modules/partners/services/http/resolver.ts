import { lookup } from 'node:dns/promises'

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/**
 * Turns a host name into every address it resolves to. The guarded fetch
 * checks them all and connects to the one it checked; tests inject their
 * own (a name mapped to 127.0.0.1 must be refused).
 */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true })
  return answers.map((answer) => ({
    address: answer.address,
    family: answer.family === 6 ? 6 : 4,
  }))
}
