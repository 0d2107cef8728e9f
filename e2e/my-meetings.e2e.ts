import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAndCapture,
  closeJourney,
  completeFirstRun,
  goTo,
  invitePerson,
  openJourney,
  PHONE,
  pageApi,
  type RunningServer,
} from './support.ts';

const ADMIN = { email: 'chair@harbor.example.org', password: 'one day at a time, together', alias: 'Harbor Chair' };
const MEMBER = { email: 'dee@harbor.example.org', password: 'coffee after the meeting', alias: 'Dee' };
const MEETING_ZONE = 'America/Chicago';

let server: RunningServer;
let browser: Browser;
let admin: Page;
let member: Page;
let meetingPath = '';

const poll = <T>(read: () => T | Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `my-meetings-${name}`);
}

/** Day (0 = Sunday) and 'HH:MM' of now + minutes, in the meetings' zone. */
function startingIn(minutes: number) {
  const at = DateTime.now().setZone(MEETING_ZONE).plus({ minutes });
  return { day: at.weekday % 7, time: at.toFormat('HH:mm'), endTime: at.plus({ hours: 1 }).toFormat('HH:mm') };
}

beforeAll(async () => {
  const journey = await openJourney();
  ({ server, browser } = journey);
  admin = journey.page;
  await admin.setViewportSize({ width: 1280, height: 900 });
  const context = await browser.newContext({ viewport: PHONE, timezoneId: MEETING_ZONE, locale: 'en-US' });
  member = await context.newPage();
  member.setDefaultTimeout(10_000);
});
afterAll(async () => {
  for (const context of browser?.contexts() ?? []) await context.close();
  await closeJourney({ server, browser });
});

describe('a member saves a meeting starting soon, logs it with the secretary’s code, and sees it in My meetings (phone)', () => {
  it('starts from an organization with one of its own groups starting soon, and a member on a phone', async () => {
    await admin.goto(server.url);
    await poll(() => heading(admin)).toBe('Set up Kinship');
    await completeFirstRun(admin, 'Harbor Recovery', ADMIN);
    await poll(() => heading(admin)).toBe(`Welcome, ${ADMIN.alias}`);
    // One of the organization's own groups, with proof of attendance, starting in about 20 minutes.
    const added = await pageApi(admin, 'POST', '/api/admin/meetings', {
      name: 'Harbor Lights',
      ...startingIn(20),
      timezone: MEETING_ZONE,
      fellowship: 'AA',
      attendanceMode: 'in_person',
      location: 'Harbor Community Hall',
      address: '1 Dock St',
      city: 'Chicago',
      state: 'IL',
      country: 'US',
      latitude: 41.88,
      longitude: -87.63,
      regions: ['Harbor'],
      types: ['O', 'POA'],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);

    await invitePerson(admin, member, MEMBER, ['member']);
  });

  it('finds the meeting starting soon near Harbor and saves it', async () => {
    // As a member would: the finder from the menu's link, "Starting soon", near the Harbor region.
    await member.goto(`${server.url}/meetings`);
    await poll(() => heading(member)).toBe('Find a meeting');
    await member.getByRole('radio', { name: 'Starting soon' }).check();
    await member.getByRole('radio', { name: 'Near a region' }).check();
    await member.getByLabel('Region', { exact: true }).selectOption('Harbor');
    await member.getByRole('button', { name: 'Search' }).click();
    await poll(() => new URL(member.url()).search).toBe('?when=soon&region=Harbor');
    const cards = member.locator('.meeting-card');
    await poll(() => cards.count()).toBe(1);
    await cards.first().getByRole('link', { name: 'Harbor Lights' }).click();
    await poll(() => heading(member)).toBe('Harbor Lights');
    meetingPath = new URL(member.url()).pathname;

    const save = member.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    await poll(() => member.getByRole('button', { name: /Saved/ }).getAttribute('aria-pressed')).toBe('true');
    // A member is not a secretary: no code to hand out.
    expect(await member.getByRole('button', { name: 'Issue today’s code' }).count()).toBe(0);
    await checkPage(member, 'meeting-saved');
  });

  it('the administrator names a secretary and issues today’s code on the meeting’s page', async () => {
    await admin.goto(`${server.url}${meetingPath}`);
    await poll(() => heading(admin)).toBe('Harbor Lights');
    await admin.getByLabel('Person to make secretary').selectOption({ label: MEMBER.alias });
    await admin.getByRole('button', { name: 'Make secretary' }).click();
    await poll(() => admin.getByRole('button', { name: `Remove ${MEMBER.alias}` }).count()).toBe(1);
    await admin.getByRole('button', { name: `Remove ${MEMBER.alias}` }).click();
    await poll(() => admin.getByRole('button', { name: `Remove ${MEMBER.alias}` }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Issue today’s code' }).click();
    await poll(() => admin.getByTestId('attendance-code').count()).toBe(1);
    await checkPage(admin, 'meeting-admin');
  });

  it('a wrong code is refused clearly; the right one gives a verified "I went"', async () => {
    const code = /: ([A-Z0-9]{6})$/.exec((await admin.getByTestId('attendance-code').textContent()) ?? '')?.[1] ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const field = member.getByLabel('Secretary’s code (optional)');
    await field.fill(code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA');
    await member.getByRole('button', { name: 'I went' }).click();
    await poll(() => member.getByRole('alert').textContent()).toContain('That code is not right');
    await field.fill(code.toLowerCase());
    await member.getByRole('button', { name: 'I went' }).click();
    await poll(() => member.getByText('You went today (verified).').count()).toBe(1);
    await checkPage(member, 'meeting-went');
  });

  it('My meetings shows the saved meeting with its next start, the verified entry and the calendar address', async () => {
    await goTo(member, 'My meetings');
    await poll(() => heading(member)).toBe('My meetings');
    const saved = member.getByTestId('saved-meetings');
    await poll(() => saved.textContent()).toContain('Harbor Lights');
    expect(await saved.textContent()).toMatch(/Next: \w+day/);
    const history = member.getByTestId('attendance-history');
    await poll(() => history.textContent()).toContain('Verified with the secretary’s code');

    await member.getByRole('button', { name: 'Make a calendar address' }).click();
    const address = member.getByLabel('Your calendar address');
    await poll(() => address.inputValue()).toMatch(/\/api\/calendars\/meetings\/[\w-]{43}\.ics$/);
    const url = await address.inputValue();
    const file = await member.evaluate(async (u) => {
      const response = await fetch(new URL(u).pathname);
      return { status: response.status, text: await response.text() };
    }, url);
    expect(file.status).toBe(200);
    expect(file.text).toContain('SUMMARY:Harbor Lights');
    expect(file.text).toContain('RRULE:FREQ=WEEKLY');
    await checkPage(member, 'page');
    await member.setViewportSize({ width: 1280, height: 900 });
    await checkPage(member, 'page-desktop');
  });
});
