import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, closeJourney, completeFirstRun, goTo, openJourney, PHONE, pageApi, type RunningServer } from './support.ts';

const ADMIN = { email: 'host@riverside.example.org', password: 'the river keeps on going', alias: 'River Host' };
const MEETING_ZONE = 'America/Chicago';
// The visitor is an hour ahead of the meetings' zone, so every time shown has been converted.
const VISITOR_ZONE = 'America/New_York';

let server: RunningServer;
let browser: Browser;
let visitor: Page;

const poll = <T>(read: () => T | Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** Day (0 = Sunday) and 'HH:MM' of now + minutes, in the meetings' zone. */
function startingIn(minutes: number) {
  const at = DateTime.now().setZone(MEETING_ZONE).plus({ minutes });
  return { day: at.weekday % 7, time: at.toFormat('HH:mm'), endTime: at.plus({ hours: 1 }).toFormat('HH:mm') };
}

async function addMeeting(admin: Page, meeting: Record<string, unknown>) {
  const response = await pageApi(admin, 'POST', '/api/admin/meetings', { timezone: MEETING_ZONE, fellowship: 'AA', ...meeting });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `meetings-${name}`);
}

let admin: Page;
beforeAll(async () => {
  const journey = await openJourney();
  ({ server, browser } = journey);
  admin = journey.page;
});
afterAll(async () => {
  for (const context of browser?.contexts() ?? []) await context.close();
  await closeJourney({ server, browser });
});

describe('finding a meeting without an account, on a phone', () => {
  it('starts from a small directory the administrator lists (over the API)', async () => {
    await admin.goto(server.url);
    await poll(() => heading(admin)).toBe('Set up Kinship');
    await completeFirstRun(admin, 'Riverside Recovery', ADMIN);
    await poll(() => heading(admin)).toBe(`Welcome, ${ADMIN.alias}`);

    // A small directory: one meeting near Riverside in about 20 minutes, one as soon but 400 km away,
    // one later today online, and enough others that the results need a second page.
    const place = { city: 'Chicago', state: 'IL', country: 'US' };
    await addMeeting(admin, {
      name: 'Riverside Hope',
      ...startingIn(20),
      attendanceMode: 'in_person',
      location: 'Riverside Community Hall',
      address: '100 River St',
      ...place,
      latitude: 41.88,
      longitude: -87.63,
      regions: ['Riverside'],
      types: ['O', 'D', 'X'],
      notes: 'Side door, second floor.',
    });
    await addMeeting(admin, {
      name: 'Lakeside Evening',
      ...startingIn(30),
      attendanceMode: 'in_person',
      address: '5 Lake Rd',
      ...place,
      latitude: 41.5,
      longitude: -82.9,
      regions: ['Lakeside'],
    });
    for (let n = 1; n <= 22; n += 1) {
      await addMeeting(admin, {
        name: `Online Daily ${n}`,
        ...startingIn(180 + n * 10),
        attendanceMode: 'online',
        conferenceUrl: 'https://meet.example.org/daily',
      });
    }
    // Signed in, the finder opens from the menu inside the app's own frame.
    await goTo(admin, 'Find a meeting');
    await poll(() => heading(admin)).toBe('Find a meeting');
    expect(await admin.getByRole('navigation', { name: 'Main' }).count()).toBe(1);
    await admin.context().close();

    // An anonymous visitor on a phone.
    const context = await browser.newContext({ viewport: PHONE, timezoneId: VISITOR_ZONE, locale: 'en-US' });
    visitor = await context.newPage();
    visitor.setDefaultTimeout(10_000);
  });

  it('reaches the finder from the sign-in page and every filter by keyboard', async () => {
    await visitor.goto(server.url);
    await poll(() => heading(visitor)).toBe('Sign in');
    await visitor.getByRole('link', { name: /Find a meeting/ }).click();
    await poll(() => heading(visitor)).toBe('Find a meeting');
    await poll(() => visitor.locator('.meeting-card').count()).toBe(20);
    await checkPage(visitor, 'finder');

    // Tab from the top of the page: the time choices, the place choices, "More filters" and Search are reachable.
    await visitor.locator('h1').focus();
    const reached = new Set<string>();
    for (let i = 0; i < 40 && !reached.has('button:Search'); i += 1) {
      await visitor.keyboard.press('Tab');
      reached.add(
        await visitor.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const label = el.closest('label')?.textContent ?? el.textContent ?? '';
          return `${el.tagName === 'INPUT' ? (el as HTMLInputElement).type : el.tagName.toLowerCase()}:${label.trim()}`;
        }),
      );
    }
    // A radio group is one tab stop (arrows move inside it): the selected choice is the one reached.
    expect(reached).toContain('radio:Any time');
    expect(reached).toContain('radio:Anywhere');
    expect(reached).toContain('summary:More filters');
    expect(reached).toContain('button:Search');
  });

  it('"Starting soon" near Riverside finds the meeting in about 20 minutes, then its page', async () => {
    await visitor.getByRole('radio', { name: 'Starting soon' }).check();
    await visitor.getByRole('radio', { name: 'Near a region' }).check();
    await visitor.getByLabel('Region', { exact: true }).selectOption('Riverside');
    await visitor.getByRole('button', { name: 'Search' }).click();
    await poll(() => new URL(visitor.url()).search).toBe('?when=soon&region=Riverside');
    // On a phone the results are below the form: focus moves to their heading, scrolled into view.
    await poll(() => visitor.evaluate(() => document.activeElement?.id)).toBe('finder-results');
    await poll(() =>
      visitor.evaluate(() => {
        const top = document.getElementById('finder-results')?.getBoundingClientRect().top ?? -1;
        return top >= 0 && top < window.innerHeight;
      }),
    ).toBe(true);

    const cards = visitor.locator('.meeting-card');
    await poll(() => cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe('Riverside Hope');
    const badge = (await card.locator('.badge').textContent()) ?? '';
    const minutes = Number(/^Starts in (\d+) minutes$/.exec(badge)?.[1]);
    expect(minutes, badge).toBeGreaterThanOrEqual(15);
    expect(minutes, badge).toBeLessThanOrEqual(20);
    expect(await card.textContent()).toMatch(/\d(\.\d)? km away/);
    await checkPage(visitor, 'finder-soon-riverside');

    await card.getByRole('link', { name: 'Riverside Hope' }).click();
    await poll(() => heading(visitor)).toBe('Riverside Hope');
    const main = visitor.locator('main');
    await poll(() => main.textContent()).toContain('Central');
    expect(await main.textContent()).toMatch(/In your time zone \(Eastern [A-Za-z ]+\):/);
    expect(await main.textContent()).toMatch(/Wheelchair access/i);
    expect(await main.textContent()).toContain('Side door, second floor.');
    const calendar = visitor.getByRole('link', { name: 'Add to calendar' });
    expect(await calendar.getAttribute('href')).toMatch(/^\/api\/meetings\/[0-9a-f-]{36}\/calendar\.ics$/);
    expect(await visitor.getByRole('link', { name: 'See on OpenStreetMap' }).getAttribute('href')).toContain('mlat=41.88');
    await checkPage(visitor, 'detail');

    // Back returns to the same search.
    await visitor.goBack();
    await poll(() => heading(visitor)).toBe('Find a meeting');
    expect(new URL(visitor.url()).search).toBe('?when=soon&region=Riverside');
    await poll(() => cards.count()).toBe(1);
  });

  it('any time: a page at a time, "Show more" loads the next by cursor', async () => {
    await visitor.getByRole('link', { name: 'Clear filters' }).click();
    const cards = visitor.locator('.meeting-card');
    await poll(() => cards.count()).toBe(20);
    await visitor.getByRole('button', { name: 'Show more' }).click();
    await poll(() => cards.count()).toBe(24);
    expect(await visitor.getByRole('button', { name: 'Show more' }).count()).toBe(0);
    // The other filters, open, pass axe too.
    await visitor.getByText('More filters', { exact: true }).click();
    await poll(() => visitor.getByLabel('Meeting type').isVisible()).toBe(true);
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await checkPage(visitor, 'finder-desktop');

    // By name: the server filters, whatever the case.
    await visitor.getByLabel('Meeting or group name').fill('riverside HOPE');
    await visitor.getByRole('button', { name: 'Search' }).click();
    await poll(() => new URL(visitor.url()).searchParams.get('q')).toBe('riverside HOPE');
    await poll(() => cards.count()).toBe(1);
    expect(await cards.first().getByRole('heading', { level: 3 }).textContent()).toBe('Riverside Hope');
  });
});
