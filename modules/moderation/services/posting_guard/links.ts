/**
 * Top-level domains recognised in a bare domain ("example.com"): the
 * common ones and those spam favours. Not the ones that are everyday
 * French or English words ("de", "me", "es", "on", "to"), so "merci.de
 * rien" or "call.me" typed without a space are not taken for links.
 */
const TLDS = `
  com fr net org info eu io co uk be ch ca lu ly gl app dev xyz biz shop
  store online site website link club top live click tk ru cn gg tv bzh paris fun pro icu vip
`
  .split(/\s+/)
  .filter(Boolean)

/**
 * A link: a URL with a scheme (http, https), anything starting with
 * "www.", or a bare domain name. Not an e-mail address (the domain after
 * an "@" is skipped) nor a number like 3.50.
 */
const LINK = new RegExp(
  [
    String.raw`\bhttps?://`,
    String.raw`\bwww\.[a-z0-9-]`,
    String.raw`(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS.join('|')})(?![a-z0-9-])`,
  ].join('|'),
  'i'
)

export function containsLink(texts: readonly string[]): boolean {
  return texts.some((text) => LINK.test(text))
}
