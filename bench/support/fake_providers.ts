/*
| The providers an alert fan-out talks to, played on loopback for
| bench:alerts, each counting what it accepted per recipient:
|
|  - one HTTPS server (a throwaway self-signed certificate, which the app
|    processes trust through NODE_EXTRA_CA_CERTS) that is both the browser
|    push service (POST /push/<user id>: web-push always speaks HTTPS; 201
|    when the request carries a VAPID authorisation and an encrypted body)
|    and Twilio's Messages API (POST /2010-04-01/Accounts/<sid>/Messages.json,
|    basic auth, 201 with a message resource; the app reaches it through
|    TWILIO_API_BASE_URL);
|  - an SMTP server accepting every message.
*/
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { join } from 'node:path'
import { Tally } from './tally.ts'

export interface TwilioAccount {
  accountSid: string
  authToken: string
}

export interface FakeProviders {
  /** https://127.0.0.1:<port> */
  origin: string
  /** The certificate to trust (NODE_EXTRA_CA_CERTS). */
  certPath: string
  push: Tally
  sms: Tally
  /** Requests refused (bad auth, bad body, unknown path). */
  refused: { push: number; sms: number; other: number }
  close(): Promise<void>
}

/** A self-signed certificate for 127.0.0.1, made with the openssl command. */
function selfSignedCertificate(dir: string): { key: string; cert: string; certPath: string } {
  const keyPath = join(dir, 'providers-key.pem')
  const certPath = join(dir, 'providers-cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' }
  )
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath }
}

export async function startFakeProviders(
  dir: string,
  twilio: TwilioAccount
): Promise<FakeProviders> {
  const { key, cert, certPath } = selfSignedCertificate(dir)
  const push = new Tally()
  const sms = new Tally()
  const refused = { push: 0, sms: 0, other: 0 }
  const messagesPath = `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`
  const basicAuth = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`
  let sid = 0

  const server: Server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = request.url ?? ''
      const pushMatch = /^\/push\/(\d+)$/.exec(url)
      if (request.method === 'POST' && pushMatch) {
        const vapid = String(request.headers.authorization ?? '').startsWith('vapid t=')
        const encrypted = request.headers['content-encoding'] === 'aes128gcm' && body.length > 0
        if (!vapid || !encrypted) {
          refused.push += 1
          response.writeHead(400).end()
          return
        }
        push.add(pushMatch[1])
        response.writeHead(201, { location: `/messages/${push.total}` }).end()
        return
      }
      if (request.method === 'POST' && url === messagesPath) {
        const form = new URLSearchParams(body.toString('utf8'))
        const to = form.get('To')
        if (request.headers.authorization !== basicAuth || !to || !form.get('Body')) {
          refused.sms += 1
          response.writeHead(401, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }))
          return
        }
        sms.add(to)
        sid += 1
        response.writeHead(201, { 'content-type': 'application/json' })
        response.end(
          JSON.stringify({
            sid: `SM${String(sid).padStart(32, '0')}`,
            account_sid: twilio.accountSid,
            to,
            body: form.get('Body'),
            status: 'queued',
          })
        )
        return
      }
      refused.other += 1
      response.writeHead(404).end()
    })
  })
  /** The app keeps connections open (keep-alive): many at once is normal. */
  server.maxConnections = 10_000
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    origin: `https://127.0.0.1:${port}`,
    certPath,
    push,
    sms,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface SmtpSink {
  port: number
  /** Per recipient address (lower case). */
  mail: Tally
  close(): Promise<void>
}

/**
 * An SMTP server that accepts everything and counts each message per
 * recipient when it answers 250 to its data. A few lines of `net` rather
 * than smtp-server, which holds every greeting back 100 ms (its
 * early-talker check): a mail relay on the submission port greets at once,
 * and the bench should time the app, not that pause.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mail = new Tally()
  const sockets = new Set<Socket>()
  const server = createNetServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.setNoDelay(true)
    let buffer = ''
    let inData = false
    let recipients: string[] = []
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 sink.bench.localhost ESMTP')
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      while (true) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          buffer = buffer.slice(end + 5)
          inData = false
          for (const address of recipients) mail.add(address)
          recipients = []
          reply('250 2.0.0 OK: queued')
          continue
        }
        const eol = buffer.indexOf('\r\n')
        if (eol < 0) return
        const line = buffer.slice(0, eol)
        buffer = buffer.slice(eol + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO') reply('250-sink.bench.localhost\r\n250-PIPELINING\r\n250 8BITMIME')
        else if (verb === 'HELO') reply('250 sink.bench.localhost')
        else if (verb === 'MAIL') {
          recipients = []
          reply('250 2.1.0 OK')
        } else if (verb === 'RCPT') {
          const address = /<([^>]*)>/.exec(line)?.[1]?.toLowerCase()
          if (address) recipients.push(address)
          reply(address ? '250 2.1.5 OK' : '501 5.1.3 Bad recipient address')
        } else if (verb === 'DATA') {
          inData = true
          reply('354 End data with <CR><LF>.<CR><LF>')
          /** The terminator search starts after this line's CRLF: keep it in front. */
          buffer = `\r\n${buffer}`
        } else if (verb === 'RSET') {
          recipients = []
          reply('250 2.0.0 OK')
        } else if (verb === 'NOOP') reply('250 2.0.0 OK')
        else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye')
          socket.end()
          return
        } else reply('502 5.5.2 Command not implemented')
      }
    })
  })
  server.maxConnections = 10_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    mail,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
