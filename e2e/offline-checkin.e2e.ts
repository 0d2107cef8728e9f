import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeJourney, completeFirstRun, openJourney, type RunningServer, SCREENSHOTS, seriousA11yViolations } from './support.ts';

const PERSON = { email: 'wren@cove.example.org', password: 'quiet tide under the pier', alias: 'Wren' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, browser, context, page } = await openJourney());
});
afterAll(() => closeJourney({ server, browser, context }));

const heading = () => page.getByRole('heading', { level: 1 }).textContent();
const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

/** Writes waiting in the outbox database (0 when it does not exist: opening it here must not create it). */
function queuedWrites(): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const request = indexedDB.open('kinship-outbox');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('writes')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('writes').objectStore('writes').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => resolve(-1);
        };
        request.onerror = () => resolve(0);
      }),
  );
}

/** The check-ins the server holds for the signed-in person, asked from the page (its cookie, its origin). */
function serverCheckins(): Promise<Array<{ localDate: string; mood: number; gratitude: string | null }>> {
  return page.evaluate(async () => {
    const response = await fetch('/api/me/checkins', { headers: { accept: 'application/json' }, cache: 'no-store' });
    return (await response.json()).items;
  });
}

/** URLs kept in Cache Storage: the app shell only, never anything from /api. */
function cachedUrls(): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

describe('offline check-in: kept on the phone, sent once when back online, cleared at sign-out', () => {
  const sent: Array<{ key: string; body: string; url: string }> = [];

  it('sets up the organization and opens the check-in page with the service worker in control', async () => {
    await page.goto(server.url);
    await expect.poll(heading).toBe('Set up Kinship');
    await completeFirstRun(page, 'Cove Recovery Community', PERSON);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A page loaded before the worker was installed is not controlled by it; the next load is.
    await page.goto(`${server.url}/check-in`);
    await expect.poll(heading).toBe('Daily check-in');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Save check-in' }).count()).toBe(1);
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/api/me/checkins/')) {
        sent.push({ key: request.headers()['idempotency-key'] ?? '', body: request.postData() ?? '', url: request.url() });
      }
    });
  });

  it('saves a check-in on the phone while offline and says so kindly', async () => {
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByRole('radio', { name: '3 Okay' }).check();
    await page.getByRole('radio', { name: 'Prefer not to say' }).check();
    await page.getByLabel('One thing I am grateful for (optional)').fill('Tea with my sister');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText('Saved on this phone. It will be sent when you are back online.').count()).toBe(1);
    await expect.poll(() => page.getByText('1 check-in waiting to be sent').count()).toBe(1);
    expect(await queuedWrites()).toBe(1);
    expect(sent).toEqual([]);
    await page.waitForLoadState('networkidle');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'offline-checkin-01-queued.png'), fullPage: true });
  });

  it('opens the app shell again after a reload while offline, and the check-in still waits', async () => {
    await page.reload();
    // The service worker answers the navigation from its precache: the app starts and says it cannot reach the server.
    await expect.poll(() => page.locator('#root').innerHTML(), { timeout: 10_000 }).not.toBe('');
    await expect.poll(heading, { timeout: 10_000 }).toBe('Kinship is not reachable right now');
    expect(await queuedWrites()).toBe(1);
    expect(sent).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'offline-checkin-02-reload-offline.png'), fullPage: true });
  });

  it('sends it once when back online: exactly one check-in on the server', async () => {
    await context.setOffline(false);
    await expect.poll(queuedWrites, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => sent.length).toBe(1);
    const rows = await serverCheckins();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mood).toBe(3);
    expect(rows[0]?.gratitude).toBe('Tea with my sister');
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);

    // The page shows it as saved once it loads again.
    await page.goto(`${server.url}/check-in`);
    await expect.poll(heading).toBe('Daily check-in');
    await expect.poll(() => page.getByRole('button', { name: 'Update check-in' }).count()).toBe(1);
    expect(await page.getByText(/waiting to be sent/).count()).toBe(0);
  });

  it('a replay of the same key creates nothing twice; the same key with another body is refused', async () => {
    const first = sent[0];
    if (!first) throw new Error('no PUT was sent');
    const answers = await page.evaluate(async ({ url, key, body }) => {
      const session = await (await fetch('/api/session', { headers: { accept: 'application/json' } })).json();
      const put = async (payload: string) => {
        const response = await fetch(url, {
          method: 'PUT',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'x-csrf-token': session.csrfToken,
            'idempotency-key': key,
          },
          body: payload,
        });
        return { status: response.status, body: await response.json() };
      };
      const replay = await put(body);
      const changed = JSON.parse(body);
      changed.mood = 5;
      const mismatch = await put(JSON.stringify(changed));
      return { replay, mismatch };
    }, first);
    expect(answers.replay.status).toBeLessThan(300);
    expect(answers.mismatch.status).toBe(422);
    expect(answers.mismatch.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    const rows = await serverCheckins();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.mood).toBe(3);
  });

  it('keeps no personal data in Cache Storage', async () => {
    const urls = await cachedUrls();
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => url.includes('/api/'))).toEqual([]);
  });

  it('opened offline, the page uses this phone’s date; back online in place, it is sent and the page says so', async () => {
    // A fresh load of the home page: the check-ins of the check-in page are not loaded yet when the network goes.
    await page.goto(`${server.url}/`);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await nav('Daily check-in').click();
    await expect.poll(heading).toBe('Daily check-in');
    await expect.poll(() => page.getByText('You are offline. Today is taken from this phone’s date.').count()).toBe(1);
    await page.getByRole('radio', { name: '4 Good' }).check();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByLabel('One thing I am grateful for (optional)').fill('Sun on the porch');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText('Saved on this phone. It will be sent when you are back online.').count()).toBe(1);
    await expect.poll(() => page.getByText('1 check-in waiting to be sent').count()).toBe(1);
    await context.setOffline(false);
    await expect.poll(() => page.getByText('You are back online, and your check-in is sent.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(/waiting to be sent/).count()).toBe(0);
    // The page loaded the day from the server again: it is today's check-in, edited, still one row.
    await expect.poll(() => page.getByRole('button', { name: 'Update check-in' }).count()).toBe(1);
    expect(await page.getByText('You are offline. Today is taken from this phone’s date.').count()).toBe(0);
    const rows = await serverCheckins();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.gratitude).toBe('Sun on the porch');
    expect(await queuedWrites()).toBe(0);
  });

  it('a queued write the server refuses for good (its key reused for other answers) is removed and reported', async () => {
    const first = sent[0];
    if (!first) throw new Error('no PUT was sent');
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByLabel('One thing I am grateful for (optional)').fill('Rain on the roof');
    await page.getByRole('button', { name: 'Update check-in' }).click();
    await expect.poll(() => page.getByText('Saved on this phone. It will be sent when you are back online.').count()).toBe(1);
    // A confused client: the waiting write carries a key the server already saw with other answers.
    await page.evaluate(
      (key) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('kinship-outbox');
          request.onsuccess = () => {
            const store = request.result.transaction('writes', 'readwrite').objectStore('writes');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const item of all.result) store.put({ ...item, idempotencyKey: key });
              store.transaction.oncomplete = () => {
                request.result.close();
                resolve();
              };
            };
          };
          request.onerror = () => reject(request.error);
        }),
      first.key,
    );
    await context.setOffline(false);
    await expect.poll(queuedWrites, { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() =>
        page.getByText(/could not be sent. This was already sent with different details. Please check and send it again./).count(),
      )
      .toBe(1);
    expect(await page.getByText('You are back online, and your check-in is sent.').count()).toBe(0);
    const rows = await serverCheckins();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.gratitude).toBe('Sun on the porch');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'offline-checkin-03-refused.png'), fullPage: true });
  });

  it('a hard check-in made offline still shows the kind screen with the safety plan one tap away', async () => {
    await nav('Daily check-in').click();
    await expect.poll(heading).toBe('Daily check-in');
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    const craving = page.getByRole('slider', { name: 'Craving right now (0 to 10)' });
    await craving.focus();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Update check-in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Thank you for checking in' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Open my safety plan' }).getAttribute('href')).toBe('/safety-plan');
    await page.getByRole('button', { name: 'Back to my check-in' }).click();
    await expect.poll(() => page.getByText('Saved on this phone. It will be sent when you are back online.').count()).toBe(1);
    await context.setOffline(false);
    await expect.poll(queuedWrites).toBe(0);
    // Sent: the next visit starts from the server's copy; the craving eases, and the update goes straight through.
    await page.reload();
    await expect.poll(heading).toBe('Daily check-in');
    await page.getByRole('slider', { name: 'Craving right now (0 to 10)' }).focus();
    await page.keyboard.press('Home');
    await page.getByRole('button', { name: 'Update check-in' }).click();
    await expect.poll(() => page.getByText(/Your check-in for .* is saved/).count()).toBe(1);
  });

  it('empties the outbox at sign-out, also when a check-in was still waiting', async () => {
    await nav('Daily check-in').click();
    await expect.poll(heading).toBe('Daily check-in');
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await page.getByLabel('One thing I am grateful for (optional)').fill('A long walk');
    await page.getByRole('button', { name: 'Update check-in' }).click();
    await expect.poll(() => page.getByText('Saved on this phone. It will be sent when you are back online.').count()).toBe(1);
    expect(await queuedWrites()).toBe(1);
    // Back online but the server cannot be reached: the flush fails, and the write stays queued for a later try.
    await page.route('**/api/me/checkins/*', (route) => (route.request().method() === 'PUT' ? route.abort('failed') : route.continue()));
    const tries = sent.length;
    await context.setOffline(false);
    await expect.poll(() => sent.length).toBeGreaterThan(tries);
    expect(await queuedWrites()).toBe(1);
    expect(await page.getByText('1 check-in waiting to be sent').count()).toBe(1);
    // Signing out: what waited leaves with the person; the next person on this phone finds nothing.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(heading).toBe('Sign in');
    await expect.poll(queuedWrites).toBe(0);
    await page.unroute('**/api/me/checkins/*');
  });
});
