/*
| A Server-Sent Events client for functional tests: the stream as the
| browser's EventSource opens it, and subscriptions as realtime.js posts
| them (with the page's CSRF token).
*/
import type { Agent } from '#tests/helpers/agent'

const PING_CHANNEL = '$$transmit/ping'

/** Opens the Server-Sent Events stream as the browser's EventSource would. */
export async function openStream(agent: Agent, uid: string) {
  const controller = new AbortController()
  const response = await fetch(new URL(`/__transmit/events?uid=${uid}`, agent.baseUrl), {
    headers: {
      accept: 'text/event-stream',
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    signal: controller.signal,
  })
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    status: response.status,
    async nextData(timeoutMs = 3000): Promise<any> {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const match = buffer.match(/data: (.+)\n/)
        if (match) {
          buffer = buffer.slice(buffer.indexOf(match[0]) + match[0].length)
          const event = JSON.parse(match[1])
          /** Transmit pings every stream every 30 s (config/transmit.ts): not an event. */
          if (event?.channel === PING_CHANNEL) continue
          return event
        }
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
        ])
        if (!chunk || chunk.done) break
        buffer += decoder.decode(chunk.value)
      }
      throw new Error(`no event within ${timeoutMs} ms (received: ${buffer})`)
    },
    close: () => controller.abort(),
  }
}

/** Subscribes the stream `uid` to a channel with the CSRF token of the agent's last page. */
export function subscribe(agent: Agent, uid: string, channel: string) {
  const token = agent.lastPage.match(/name="csrf-token" content="([^"]+)"/)![1]
  return agent.request('POST', '/__transmit/subscribe', {
    body: JSON.stringify({ uid, channel }),
    headers: {
      'content-type': 'application/json',
      'accept': 'application/json',
      'x-csrf-token': token,
    },
  })
}
