import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, closeJourney, completeFirstRun, openJourney, pageApi, type RunningServer, SCREENSHOTS } from './support.ts';

const PERSON = { email: 'wren@harbor.example.org', password: 'wren sings before the dawn', alias: 'Wren' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, browser, context, page } = await openJourney());
});
afterAll(() => closeJourney({ server, browser, context }));

const heading = () => page.getByRole('heading', { level: 1 }).textContent();
const today = () => page.getByRole('region', { name: /^Today/ });

describe('home: today first, on a phone and on a desktop', () => {
  it('shows a new member what today holds, each part saying there is nothing yet', async () => {
    await page.goto(server.url);
    await expect.poll(heading).toBe('Set up Kinship');
    await completeFirstRun(page, 'Harbor Recovery Community', PERSON);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);
    await expect.poll(() => today().getByRole('link', { name: 'Check in now' }).count()).toBe(1);
    expect(await today().getByText('You have not checked in today yet.', { exact: false }).count()).toBe(1);
    for (const empty of ['No clock yet.', 'No saved meetings yet.', 'You are not going to any event yet.', 'No unread messages.']) {
      expect(await today().getByText(empty, { exact: false }).count(), empty).toBe(1);
    }
    await checkAndCapture(page, 'home-new-member');
  });

  it("says today's check-in is done once it is, and counts a clock's days", async () => {
    const { body } = await pageApi(page, 'GET', '/api/me/today');
    const date = (body as { date: string }).date;
    expect((await pageApi(page, 'PUT', `/api/me/checkins/${date}`, { mood: 4, craving: 1, used: 'no' })).status).toBe(201);
    const startedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    expect((await pageApi(page, 'POST', '/api/me/clocks', { label: 'Sober', kind: 'abstinence', startedAt })).status).toBe(201);
    await page.reload();
    await expect.poll(() => today().getByText('Today’s check-in is done.', { exact: false }).count()).toBe(1);
    expect(await today().getByRole('link', { name: 'Check in now' }).count()).toBe(0);
    expect(await today().getByText('Sober: 10 days').count()).toBe(1);
    await checkAndCapture(page, 'home-checked-in');
  });

  it('reads in Spanish too', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    const hoy = page.getByRole('region', { name: /^Hoy/ });
    await expect.poll(() => hoy.getByText('Ya hiciste el registro de hoy.', { exact: false }).count()).toBe(1);
    expect(await hoy.getByText('Sober: 10 días').count()).toBe(1);
    await checkAndCapture(page, 'home-es');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await expect.poll(() => today().count()).toBe(1);
  });

  it('keeps the current page in view in the desktop sidebar, at 1280×800 and 900×700', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 900, height: 700 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/security`);
      await expect.poll(heading).toBe('Security');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const current = nav.locator('.nav-menu a[aria-current="page"]');
      if (await current.isVisible()) {
        const [box, link] = [await nav.boundingBox(), await current.boundingBox()];
        expect(link && box && link.y >= box.y && link.y + link.height <= box.y + box.height, `${viewport.width}: Security in view`).toBe(
          true,
        );
      }
      // No heading of the menu is shown without its links.
      for (const group of await nav.getByRole('heading', { level: 2 }).all()) {
        const list = nav.getByRole('list', { name: (await group.textContent()) ?? '' });
        expect(await list.getByRole('link').count()).toBeGreaterThan(0);
      }
      await page.goto(server.url);
      await expect.poll(() => today().count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(SCREENSHOTS, `home-${viewport.width}x${viewport.height}.png`) });
    }
  });
});
