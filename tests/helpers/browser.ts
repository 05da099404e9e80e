/*
| Shared steps of the browser tests (Chromium through Playwright).
*/
import type { Page } from 'playwright'
import { PASSWORD } from '#tests/helpers/residents'

/** Collects script errors, what a strict CSP blocks (console errors) and server errors. */
export function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`)
  })
}

/** Signs in through the login form and waits for live updates to be on. */
export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForSelector('html[data-live="subscribed"]')
}

/**
 * Waits until the page's live subscriptions are made. Sessions are signed
 * cookies: a subscription request still in flight when a form is posted
 * can answer after it and put back the cookie without the form's flash
 * message. A resident's hand is slower than that; a test's click is not.
 */
export async function liveSettled(page: Page) {
  await page.waitForSelector('html[data-live="subscribed"]')
}
