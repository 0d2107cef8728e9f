import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAndCapture,
  completeFirstRun,
  launchBrowser,
  PHONE,
  pageApi,
  type RunningServer,
  SCREENSHOTS,
  startServer,
} from './support.ts';

/**
 * The finder's map: shown only where the organization configured a tile server, one marker per result
 * with a place; elsewhere Leaflet is never downloaded. Tiles cannot come from the internet here: the
 * tile host is answered inside the browser with a 1×1 light grey PNG.
 */
const TILE_HOST = 'https://tiles.example.org';
const MAP_ENV = {
  MAP_TILE_URL: `${TILE_HOST}/{z}/{x}/{y}.png`,
  MAP_ATTRIBUTION: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48eYZAAV6Aru9CW2wAAAAAElFTkSuQmCC', 'base64');
const ADMIN = { email: 'host@riverside.example.org', password: 'the river keeps on going', alias: 'River Host' };
const ZONE = 'America/Chicago';
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** A fresh organization with three meetings that have a place, one online and one without coordinates. */
async function seedDirectory(browser: Browser, server: RunningServer) {
  const context = await browser.newContext({ viewport: PHONE });
  const admin = await context.newPage();
  await admin.goto(server.url);
  // Outside a test, so Playwright's own waiting rather than expect.poll.
  await admin.getByRole('heading', { level: 1, name: 'Set up Kinship' }).waitFor({ timeout: 20_000 });
  await completeFirstRun(admin, 'Riverside Recovery', ADMIN);
  await admin.getByRole('heading', { level: 1, name: `Welcome, ${ADMIN.alias}` }).waitFor({ timeout: 20_000 });
  const at = DateTime.now().setZone(ZONE).plus({ hours: 2 });
  const base = {
    timezone: ZONE,
    fellowship: 'AA',
    day: at.weekday % 7,
    time: at.toFormat('HH:mm'),
    city: 'Chicago',
    state: 'IL',
    country: 'US',
  };
  const meetings = [
    {
      name: 'Riverside Hope',
      attendanceMode: 'in_person',
      address: '100 River St',
      latitude: 41.88,
      longitude: -87.63,
      regions: ['Riverside'],
    },
    {
      name: 'Harbor Light',
      attendanceMode: 'in_person',
      address: '2 Harbor Ave',
      latitude: 41.9,
      longitude: -87.6,
      regions: ['Riverside'],
    },
    {
      name: 'Bridge Group',
      attendanceMode: 'hybrid',
      address: '9 Bridge Rd',
      latitude: 41.85,
      longitude: -87.68,
      conferenceUrl: 'https://meet.example.org/b',
    },
    { name: 'Online Daily', attendanceMode: 'online', conferenceUrl: 'https://meet.example.org/daily' },
    { name: 'Church Basement', attendanceMode: 'in_person', address: '7 Elm St' },
  ];
  for (const meeting of meetings) {
    const response = await pageApi(admin, 'POST', '/api/admin/meetings', { ...base, ...meeting });
    if (response.status !== 201) throw new Error(`seeding ${meeting.name}: ${JSON.stringify(response.body)}`);
  }
  await context.close();
}

describe('the finder with a tile server configured', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(MAP_ENV);
    browser = await launchBrowser();
    await seedDirectory(browser, server);
    const context = await browser.newContext({ viewport: PHONE, timezoneId: ZONE, locale: 'en-US' });
    await context.route(`${TILE_HOST}/**`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
    visitor = await context.newPage();
    visitor.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows one marker per result with a place, above the list, with tiles from the configured server', async () => {
    const tiles: string[] = [];
    visitor.on('requestfinished', (request) => {
      if (request.url().startsWith(TILE_HOST)) tiles.push(request.url());
    });
    await visitor.goto(`${server.url}/meetings`);
    await poll(() => visitor.locator('.meeting-card').count()).toBe(5);
    const map = visitor.getByRole('region', { name: 'Map of 3 meetings in these results' });
    await poll(() => map.count()).toBe(1);
    // What the list says has a place (online-only meetings have none to go to) is what the map marks.
    const listed = await pageApi(visitor, 'GET', `/api/meetings?tz=${encodeURIComponent(ZONE)}`);
    const located = (listed.body as { items: { latitude: number | null; attendanceMode: string }[] }).items.filter(
      (item) => item.latitude !== null && item.attendanceMode !== 'online',
    );
    expect(located).toHaveLength(3);
    await poll(() => map.locator('path.map-meeting').count()).toBe(located.length);
    expect(await map.locator('.map-search-point').count()).toBe(0);
    await poll(() => tiles.length).toBeGreaterThan(0);
    // Above the list on a phone, and modest.
    const mapBox = await map.boundingBox();
    const listBox = await visitor.locator('.card-list').boundingBox();
    expect(mapBox && listBox && mapBox.y + mapBox.height <= listBox.y).toBe(true);
    expect(mapBox?.height).toBe(240);
    expect(await map.locator('.leaflet-control-attribution').getByRole('link', { name: 'OpenStreetMap' }).count()).toBe(1);
    await visitor.evaluate(() => window.scrollTo(0, 0));
    await checkAndCapture(visitor, 'meetings-map');
  });

  it('is no keyboard trap: Tab leaves the map for the list within a few steps', async () => {
    await visitor.getByRole('button', { name: 'Hide map' }).focus();
    let reachedList = false;
    for (let i = 0; i < 10 && !reachedList; i += 1) {
      await visitor.keyboard.press('Tab');
      reachedList = await visitor.evaluate(() => Boolean(document.activeElement?.closest('.meeting-card')));
    }
    expect(reachedList).toBe(true);
  });

  it("opens a marker's meeting from its popup, and marks the point a search measured from", async () => {
    await visitor.getByRole('radio', { name: 'Near a region' }).check();
    await visitor.getByLabel('Region', { exact: true }).selectOption('Riverside');
    await visitor.getByRole('button', { name: 'Search' }).click();
    await poll(() => new URL(visitor.url()).search).toBe('?region=Riverside');
    const map = visitor.locator('.results-map');
    await poll(() => map.locator('.map-search-point').count()).toBe(1);
    await poll(() => map.locator('path.map-meeting').count()).toBe(3);

    await map.locator('path.map-meeting').first().dispatchEvent('click');
    const link = map.locator('.leaflet-popup a.map-meeting-link');
    await poll(() => link.count()).toBe(1);
    const name = (await link.textContent()) ?? '';
    expect(await link.getAttribute('href')).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    await link.click();
    await poll(() => heading(visitor)).toBe(name);
    await visitor.goBack();
    await poll(() => heading(visitor)).toBe('Find a meeting');
    expect(new URL(visitor.url()).search).toBe('?region=Riverside');
  });

  it('can be hidden, and looks right on a desktop', async () => {
    await visitor.getByRole('button', { name: 'Hide map' }).click();
    await poll(() => visitor.locator('.results-map').count()).toBe(0);
    await visitor.getByRole('button', { name: 'Show map' }).click();
    await poll(() => visitor.locator('.results-map path.map-meeting').count()).toBe(3);
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await visitor.evaluate(() => window.scrollTo(0, 0));
    await checkAndCapture(visitor, 'meetings-map-desktop');
  });
});

describe('the finder without a tile server', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await seedDirectory(browser, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows no map and never downloads the map code', async () => {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: ZONE });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const page = await context.newPage();
    await page.goto(`${server.url}/meetings`);
    await poll(() => page.locator('.meeting-card').count()).toBe(5);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.results-map, .leaflet-container').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hide map' }).count()).toBe(0);
    expect(requested.some((p) => p.includes('/assets/finder-'))).toBe(true);
    expect(requested.filter((p) => /leaflet|results-map/.test(p))).toEqual([]);
    // Nor does the service worker precache it for everyone.
    const worker = await (await fetch(`${server.url}/sw.js`)).text();
    expect(worker).not.toMatch(/leaflet|results-map/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meetings-no-map.png'), fullPage: true });
    await context.close();
  });
});
