/**
 * What a file is, read from its first bytes (never from its name or the
 * Content-Type the browser sent).
 */
export type SniffedKind = 'pdf' | 'jpeg' | 'png'

const SIGNATURES: [SniffedKind, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
]

export function sniffKind(bytes: Uint8Array): SniffedKind | null {
  for (const [kind, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)) {
      return kind
    }
  }
  return null
}
