import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, checkAndCapture, closeCast, openCast, PHONE, pageApi, type RunningServer, setUpOrganization } from './support.ts';

const ADMIN = { email: 'lead@northshore.example.org', password: 'the lake at dawn again', alias: 'Northshore Lead' };
const MEMBER = { email: 'robin@northshore.example.org', password: 'one honest day at a time', alias: 'Robin' };
const FRIEND = { email: 'sam@northshore.example.org', password: 'I will pick up the phone', alias: 'Sam' };

let server: RunningServer;
let browser: Browser;
let pages: Cast<'member' | 'friend'>['pages'];
const pagesChecked: string[] = [];

const poll = <T>(read: () => T | Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 200 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const count = (locator: { count(): Promise<number> }) => () => locator.count();
const section = (page: Page, name: string) => page.getByRole('region', { name });

async function checkPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `person-view-${name}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${name}`).toBeLessThanOrEqual(PHONE.width);
  pagesChecked.push(name);
}

async function idOf(page: Page): Promise<string> {
  const session = await pageApi(page, 'GET', '/api/session');
  return (session.body as { user: { id: string } }).user.id;
}

beforeAll(async () => {
  ({ server, browser, pages } = await openCast({
    member: { viewport: PHONE, timezoneId: 'America/Chicago' },
    friend: { viewport: PHONE, timezoneId: 'America/Chicago' },
  }));
});
afterAll(() => closeCast({ server, browser }));

describe('a member shares a clock, a safety plan and check-ins → the friend sees exactly that → revoking empties the open page', () => {
  it('sets up a member with a clock, a safety plan and a check-in, who shares three parts with a friend', async () => {
    await setUpOrganization(pages.admin, server.url, 'Northshore Recovery', ADMIN, [
      [pages.member, MEMBER, ['member']],
      [pages.friend, FRIEND, ['ally']],
    ]);
    await pages.admin.context().close();
    const member = pages.member;
    const startedAt = new Date(Date.now() - 100 * 86_400_000).toISOString();
    expect((await pageApi(member, 'POST', '/api/me/clocks', { label: 'Alcohol', kind: 'abstinence', startedAt })).status).toBe(201);
    const plan = {
      warningSigns: ['Not sleeping'],
      copingOnMyOwn: ['Walk by the lake'],
      distractions: [],
      helpers: [{ name: 'Jordan (sponsor)', phone: '555-0100' }],
      professionals: [],
      safeEnvironment: [],
      mostImportant: 'My brother',
    };
    expect((await pageApi(member, 'PUT', '/api/me/safety-plan', { content: plan, baseVersion: 0 })).status).toBe(200);
    const checkin = { mood: 2, craving: 7, used: 'no', gratitude: 'A long call with my brother' };
    const today = await member.evaluate(() => new Date().toLocaleDateString('en-CA'));
    expect((await pageApi(member, 'PUT', `/api/me/checkins/${today}`, checkin)).status).toBe(201);
    const grant = {
      granteeId: await idOf(pages.friend),
      scopes: ['clock', 'safety_plan', 'checkins.detail'],
      purpose: 'So Sam can look out for me',
    };
    expect((await pageApi(member, 'POST', '/api/me/grants', grant)).status).toBe(201);
  });

  it('takes the friend from “Shared with me” to a person view with exactly the shared parts', async () => {
    const page = pages.friend;
    await page.goto(`${server.url}/privacy`);
    await poll(() => heading(page)).toBe('Privacy');
    await page.getByRole('link', { name: `View what ${MEMBER.alias} shared` }).click();
    await poll(() => heading(page)).toBe(MEMBER.alias);
    await poll(count(page.getByText(`${MEMBER.alias} shares 3 parts of their record with you.`, { exact: false }))).toBe(1);
    expect(await page.getByText('“So Sam can look out for me”').count()).toBe(1);

    const clocks = section(page, 'Recovery clocks and milestones');
    await poll(() => clocks.locator('.clock-days').textContent()).toBe('100 days');
    expect(await clocks.getByText(/^Milestones reached in this run: .*90 days/).count()).toBe(1);
    const safety = section(page, 'Safety plan');
    await poll(count(safety.getByText('Walk by the lake'))).toBe(1);
    expect(await safety.getByRole('link', { name: 'Call Jordan (sponsor)' }).getAttribute('href')).toBe('tel:5550100');
    const checkins = section(page, 'Check-ins and trends');
    await poll(count(checkins.getByText('A long call with my brother', { exact: false }))).toBe(1);

    // What is not shared says so, and carries nothing of it.
    for (const name of ['Check-in summary', 'Recovery plan', 'Recovery capital (BARC-10)']) {
      expect(await section(page, name).getByText(`${MEMBER.alias} has not shared this with you.`).count(), name).toBe(1);
    }
    expect(await page.getByText(`${MEMBER.alias} has not asked for you to be alerted when they press SOS.`).count()).toBe(1);
    await checkPage(page, '01-friend-sees-shared-parts');
  });

  it('lists each part the friend opened in the member’s access log', async () => {
    const log = await pageApi(pages.member, 'GET', '/api/me/access-log');
    expect(log.status).toBe(200);
    const entries = (log.body as { entries: { actor: { alias: string }; scope: string }[] }).entries;
    const byFriend = new Set(entries.filter((entry) => entry.actor.alias === FRIEND.alias).map((entry) => entry.scope));
    expect([...byFriend].sort()).toEqual(['checkins.detail', 'clock', 'safety_plan']);
    await pages.member.goto(`${server.url}/privacy`);
    await poll(count(pages.member.getByText(`${FRIEND.alias} viewed`, { exact: false }))).toBeGreaterThanOrEqual(3);
  });

  it('empties the friend’s open page within seconds when the member revokes, and says what stopped', async () => {
    const member = pages.member;
    const grant = member.getByRole('listitem').filter({ has: member.getByRole('heading', { name: FRIEND.alias, level: 3 }) });
    await grant.getByRole('button', { name: 'Revoke' }).click();
    await member
      .getByRole('alertdialog', { name: `Stop sharing with ${FRIEND.alias}?` })
      .getByRole('button', { name: 'Yes, revoke' })
      .click();
    await poll(count(member.getByText('You are not sharing with anyone right now.'))).toBe(1);

    // The friend did nothing: the open page asks again every few seconds.
    const page = pages.friend;
    await poll(count(page.getByText(`${MEMBER.alias} stopped sharing:`, { exact: false })), 20_000).toBe(1);
    expect(await page.getByText('Walk by the lake').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Call Jordan (sponsor)' }).count()).toBe(0);
    expect(await page.getByText('A long call with my brother', { exact: false }).count()).toBe(0);
    expect(await page.getByText(`${MEMBER.alias} has not shared this with you.`).count()).toBe(6);
    await checkPage(page, '02-friend-after-revocation');

    // And at the HTTP level, on the very next request.
    const memberId = await idOf(member);
    for (const url of [`/api/people/${memberId}/safety-plan`, `/api/people/${memberId}/clocks`, `/api/people/${memberId}/checkins`]) {
      expect((await pageApi(page, 'GET', url)).status, url).toBe(404);
    }
  });

  it('checked every page it reached', () => {
    expect(pagesChecked).toHaveLength(2);
  });
});
