import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, checkAndCapture, closeCast, goTo, openCast, PHONE, pageApi, type RunningServer, setUpOrganization } from './support.ts';

const ADMIN = { email: 'lead@harbor.example.org', password: 'lanterns along the quay', alias: 'Harbor Lead' };
const COACH = { email: 'marta@harbor.example.org', password: 'one foot then the other', alias: 'Marta' };
const MEMBER = { email: 'theo@harbor.example.org', password: 'a quiet seat near the door', alias: 'Theo' };

let server: RunningServer;
let browser: Browser;
let pages: Cast<'coach' | 'member' | 'visitor'>['pages'];
let meetingId = '';

const poll = <T>(read: () => T | Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const count = (locator: { count(): Promise<number> }) => () => locator.count();

async function check(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `buddies-${name}`);
}

beforeAll(async () => {
  // The coach on a desktop, everyone else on a phone.
  ({ server, browser, pages } = await openCast({
    coach: { viewport: { width: 1280, height: 900 }, timezoneId: 'America/Chicago' },
    member: { viewport: PHONE, timezoneId: 'America/Chicago' },
    visitor: { viewport: PHONE, timezoneId: 'America/Chicago' },
  }));
});
afterAll(() => closeCast({ server, browser }));

describe('first-meeting buddies', () => {
  it('starts with an organization, a coach, a member and one of its own meetings', async () => {
    const admin = pages.admin;
    await setUpOrganization(admin, server.url, 'Harbor Recovery Community', ADMIN, [
      [pages.coach, COACH, ['coach']],
      [pages.member, MEMBER, ['member']],
    ]);
    const created = await pageApi(admin, 'POST', '/api/admin/meetings', {
      name: 'Harbor Newcomers',
      fellowship: 'AA',
      day: 3,
      time: '18:30',
      timezone: 'America/New_York',
      attendanceMode: 'in_person',
      types: ['O'],
      location: 'Harbor Hall',
      address: '12 Quay Street',
      city: 'Springfield',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    meetingId = (created.body as { id: string }).id;
  });

  it('shows a visitor what to expect and a way to sign in', async () => {
    const page = pages.visitor;
    await page.goto(`${server.url}/meetings/${meetingId}`);
    await poll(() => heading(page)).toBe('Harbor Newcomers');
    const guide = page.getByRole('region', { name: 'What to expect' });
    await poll(count(guide.getByRole('heading', { name: 'A 12-step meeting' }))).toBe(1);
    await poll(count(page.getByRole('link', { name: 'Sign in to ask someone to come with you' }))).toBe(1);
    await check(page, '01-meeting-visitor');
  });

  it('lets the coach volunteer', async () => {
    const page = pages.coach;
    await page.goto(server.url);
    await poll(() => heading(page)).toBe(`Welcome, ${COACH.alias}`);
    await goTo(page, 'Meeting buddies');
    await poll(() => heading(page)).toBe('Meeting buddies');
    const volunteer = page.getByRole('region', { name: 'Volunteer' });
    await poll(count(volunteer.getByText('As a coach, you can volunteer.'))).toBe(1);
    await volunteer.getByLabel('A few words for the people you go with (optional)').fill('I have been going to meetings for twelve years.');
    await volunteer.getByRole('button', { name: 'Start volunteering' }).click();
    await poll(count(page.getByText('Nobody is waiting right now. Thank you for being here.'))).toBe(1);
    await check(page, '02-volunteer-desktop');
  });

  it('lets the member ask for company for one of the next times', async () => {
    const page = pages.member;
    await page.goto(`${server.url}/meetings/${meetingId}`);
    await poll(() => heading(page)).toBe('Harbor Newcomers');
    const ask = page.getByRole('region', { name: 'Ask someone to come with me' });
    await poll(count(ask.getByRole('radio'))).toBe(4);
    await ask.getByRole('button', { name: 'Ask for a buddy' }).click();
    await poll(count(ask.locator('[aria-invalid="true"]'))).toBeGreaterThan(0);
    await ask.getByRole('radio').first().check();
    await ask.getByLabel('A note for the volunteer (optional)').fill('I will be by the door in a blue coat.');
    await ask.getByRole('button', { name: 'Ask for a buddy' }).click();
    await poll(count(ask.getByText(/Your request is waiting for a volunteer/))).toBe(1);
    await check(page, '03-asked-phone');
    await ask.getByRole('link', { name: 'See my requests' }).click();
    await poll(() => heading(page)).toBe('Meeting buddies');
    await poll(count(page.getByText('Waiting for a volunteer'))).toBe(1);
    // A member without 90 days is told kindly why they cannot volunteer yet.
    await poll(count(page.getByText(/Volunteering opens once one of your recovery clocks shows 90 days/))).toBe(1);
    await check(page, '04-my-request-phone');
  });

  it('lets the coach see only the alias, meeting, time and note, and accept', async () => {
    const page = pages.coach;
    await page.reload();
    const open = page.getByRole('region', { name: 'People asking for company' });
    await poll(count(open.getByRole('heading', { name: `${MEMBER.alias} would like company` }))).toBe(1);
    await poll(count(open.getByText('Note: I will be by the door in a blue coat.'))).toBe(1);
    expect(await open.getByText(MEMBER.email).count()).toBe(0);
    await check(page, '05-open-requests-desktop');
    await open.getByRole('button', { name: `I will go with ${MEMBER.alias}` }).click();
    await poll(count(page.getByText(`Thank you. A conversation with ${MEMBER.alias} is open in your messages.`))).toBe(1);
    const going = page.getByRole('region', { name: 'People I am going with' });
    await poll(count(going.getByText(`You are going with ${MEMBER.alias}.`))).toBe(1);
    await check(page, '06-accepted-desktop');
  });

  it('connects the two by message', async () => {
    const member = pages.member;
    await member.reload();
    await poll(count(member.getByText('Someone is coming'))).toBe(1);
    await poll(count(member.getByText(`${COACH.alias} is coming with you.`))).toBe(1);
    await check(member, '07-matched-phone');
    await member.getByRole('link', { name: `Message ${COACH.alias}` }).click();
    await poll(() => heading(member)).toBe(`Conversation with ${COACH.alias}`);
    await member.getByLabel(`Message to ${COACH.alias}`).fill('Thank you! See you by the door.');
    await member.getByRole('button', { name: 'Send' }).click();
    await poll(count(member.getByText('Thank you! See you by the door.'))).toBe(1);
    await check(member, '08-thread-phone');

    const coach = pages.coach;
    await coach.goto(`${server.url}/messages`);
    await poll(() => heading(coach)).toBe('Messages');
    await poll(count(coach.getByText('First-meeting buddy'))).toBeGreaterThan(0);
    await coach
      .getByRole('link', { name: new RegExp(MEMBER.alias) })
      .first()
      .click();
    await poll(count(coach.getByText('Thank you! See you by the door.'))).toBe(1);
    await coach.getByLabel(`Message to ${MEMBER.alias}`).fill('See you there.');
    await coach.getByRole('button', { name: 'Send' }).click();
    await poll(count(coach.getByText('See you there.'))).toBe(1);
    await check(coach, '09-thread-desktop');
  });

  it('lets the admin edit guides', async () => {
    const page = pages.admin;
    await page.goto(`${server.url}/admin/guides`);
    await poll(() => heading(page)).toBe('What-to-expect guides');
    await poll(count(page.getByRole('heading', { name: 'Your first meeting' }))).toBe(1);
    await check(page, '10-admin-guides');
    await page.getByRole('button', { name: 'New guide' }).click();
    await poll(() => heading(page)).toBe('Write a guide');
    await page.getByLabel('Title').fill('Our beginners meeting');
    await page.getByLabel('Short name (for the address)').fill('beginners');
    await page.getByLabel('Meeting type code (optional)').fill('BE');
    await page.getByLabel('Text', { exact: true }).fill('We start with a short welcome.\n\nThen people share.');
    await check(page, '11-admin-guide-form');
    await page.getByRole('button', { name: 'Save guide' }).click();
    await poll(count(page.getByText('Guide saved.'))).toBe(1);
    await poll(count(page.getByRole('heading', { name: 'Our beginners meeting' }))).toBe(1);
    // The type is named, not given as its code.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Our beginners meeting' }) });
    await poll(() => card.textContent()).toContain('For: Newcomer');
    expect(await card.textContent()).not.toContain('For: BE');
  });
});
