import nock from 'nock'

/**
 * Fakes third-party HTTP for one test. nock switches itself on when first
 * imported; every user turns it on explicitly and off again afterwards,
 * so other tests talk to the real test server untouched.
 */
export function fakeHttp(cleanup: (handler: () => void) => void) {
  if (!nock.isActive()) nock.activate()
  nock.enableNetConnect('127.0.0.1')
  cleanup(() => {
    nock.cleanAll()
    nock.enableNetConnect()
    nock.restore()
  })
  return nock
}
