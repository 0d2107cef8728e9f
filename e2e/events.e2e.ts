import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, checkAndCapture, closeCast, goTo, openCast, PHONE, type RunningServer, setUpOrganization } from './support.ts';

const ADMIN = { email: 'lead@lanterns.example.org', password: 'lanterns along the river', alias: 'Lantern Lead' };
const COACH = { email: 'mo@lanterns.example.org', password: 'one good evening at a time', alias: 'Coach Mo' };
const MEMBER_A = { email: 'ari@lanterns.example.org', password: 'bowling shoes and cocoa', alias: 'Ari' };
const MEMBER_B = { email: 'bea@lanterns.example.org', password: 'waiting is part of it too', alias: 'Bea' };

let server: RunningServer;
let browser: Browser;
let pages: Cast<'coach' | 'a' | 'b'>['pages'];

const poll = <T>(read: () => T | Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `events-${name}`);
}

/** A week from now in the form's datetime-local format (the coach's device is on UTC, the event in Chicago). */
function nextWeek(hour: number) {
  const date = new Date(Date.now() + 7 * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

beforeAll(async () => {
  // The coach plans on a desktop; the two members answer on phones in another zone than the event's.
  const member = { viewport: PHONE, timezoneId: 'America/New_York', acceptDownloads: true };
  ({ server, browser, pages } = await openCast({
    coach: { viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' },
    a: member,
    b: member,
  }));
  pages.admin.setDefaultTimeout(10_000);
});
afterAll(() => closeCast({ server, browser }));

describe('events: a coach plans, two members answer for the last place, the waitlist moves up', () => {
  let eventUrl = '';

  it('sets up the organization and three people', async () => {
    const admin = pages.admin;
    await setUpOrganization(admin, server.url, 'Lanterns Recovery Community', ADMIN, [
      [pages.coach, COACH, ['coach']],
      [pages.a, MEMBER_A, ['member']],
      [pages.b, MEMBER_B, ['member']],
    ]);
    await admin.context().close();
  });

  it('lets the coach create an event with one place, in Chicago time', async () => {
    const page = pages.coach;
    await goTo(page, 'Events');
    await poll(() => heading(page)).toBe('Events');
    await poll(() => page.getByText('No events are planned right now.').count()).toBe(1);
    await checkPage(page, '01-coach-empty');
    const form = page.getByRole('region', { name: 'Plan an event' });
    await form.getByRole('radio', { name: 'Workshop' }).check();
    await form.getByLabel('Title').fill('Cooking on a budget');
    await form.getByLabel('What to expect').fill('We cook a simple dinner together.\nBring a container for leftovers.');
    await form.getByLabel('Starts').fill(nextWeek(18));
    await form.getByLabel('Ends').fill(nextWeek(20));
    await form.getByLabel('Time zone of these times').selectOption('America/Chicago');
    await form.getByLabel('Place name').fill('Community kitchen');
    await form.getByLabel('Places').fill('1');
    await form.getByRole('button', { name: 'Create event' }).click();
    await poll(() => form.getByText('Event created.').count()).toBe(1);
    const link = page.getByRole('link', { name: 'Cooking on a budget' });
    await poll(() => link.count()).toBe(1);
    await poll(() => page.getByText('1 place left').count()).toBe(1);
    await checkPage(page, '02-coach-created');
    await link.click();
    await poll(() => heading(page)).toBe('Cooking on a budget');
    eventUrl = page.url().replace(server.url, '');
    await poll(() => page.getByRole('heading', { name: 'Who is coming' }).count()).toBe(1);
    await checkPage(page, '03-coach-event');
  });

  it('gives member A the place and puts member B on the waitlist', async () => {
    const a = pages.a;
    await goTo(a, 'Events');
    await poll(() => heading(a)).toBe('Events');
    // The member's phone is in New York: 18:00 Chicago shows as 7:00 PM.
    await poll(() => a.getByText(/7:00\s?PM/).count()).toBe(1);
    await checkPage(a, '04-member-list');
    await a.getByRole('link', { name: 'Cooking on a budget' }).click();
    await poll(() => heading(a)).toBe('Cooking on a budget');
    expect(await a.getByRole('heading', { name: 'Who is coming' }).count()).toBe(0);
    await a.getByRole('button', { name: 'I’m going' }).click();
    await poll(() => a.getByTestId('rsvp-status').textContent()).toContain('You are going');
    await checkPage(a, '05-member-a-going');

    const b = pages.b;
    await b.goto(`${server.url}${eventUrl}`);
    await poll(() => heading(b)).toBe('Cooking on a budget');
    await poll(() => b.getByText('Full: waitlist open').count()).toBe(1);
    await b.getByRole('button', { name: 'Join the waitlist' }).click();
    await poll(() => b.getByTestId('rsvp-status').textContent()).toContain('number 1 on the waitlist');
    await checkPage(b, '06-member-b-waitlisted');
  });

  it('moves member B up when member A gives the place back', async () => {
    const a = pages.a;
    await a.getByRole('button', { name: 'I can’t go' }).click();
    // Bea took the place at once, so the event is full again for Ari.
    await poll(() => a.getByTestId('rsvp-status').textContent()).toContain('The event is full');
    const b = pages.b;
    await b.reload();
    await poll(() => b.getByTestId('rsvp-status').textContent()).toContain('You are going');
    await b.goto(`${server.url}/notifications`);
    await poll(() => b.getByText('You have a place at Cooking on a budget').count()).toBe(1);
  });

  it('lets the coach see the list and cancel with a note; members see the banner', async () => {
    const page = pages.coach;
    await page.reload();
    const attendees = page.getByRole('region', { name: 'Who is coming' });
    await poll(() => attendees.getByText('Bea').count()).toBe(1);
    const cancel = page.getByRole('region', { name: 'Cancel this event' });
    await cancel.getByRole('button', { name: 'Cancel the event' }).click();
    await poll(() => cancel.getByText(/required|Enter|empty|least/i).count()).toBeGreaterThan(0);
    await cancel.getByLabel('Note to the people coming').fill('The kitchen is closed for repairs. We will plan a new date.');
    await cancel.getByRole('button', { name: 'Cancel the event' }).click();
    await poll(() => page.getByText('This event is cancelled.').count()).toBe(1);
    await checkPage(page, '07-coach-cancelled');
    const b = pages.b;
    await b.goto(`${server.url}${eventUrl}`);
    await poll(() => b.getByText('This event is cancelled.').count()).toBe(1);
    await poll(() => b.getByText(/kitchen is closed for repairs/).count()).toBe(1);
    await checkPage(b, '08-member-cancelled');
  });
});
