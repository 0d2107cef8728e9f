import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, checkAndCapture, closeCast, openCast, PHONE, pageApi, type RunningServer, setUpOrganization } from './support.ts';

const ADMIN = { email: 'lead@bayside.example.org', password: 'bright bay at first light', alias: 'Bayside Lead' };
const COACH = { email: 'marisol@bayside.example.org', password: 'walked this road before you', alias: 'Marisol' };
const SUPERVISOR = { email: 'dee@bayside.example.org', password: 'steady hands steady heart', alias: 'Dee S' };
const MEMBER = { email: 'tomas@bayside.example.org', password: 'one morning at a time', alias: 'Tomas' };
/** Coaches and supervisors work at a desk; the member is on a phone. */
const DESKTOP = { width: 1280, height: 900 };

let server: RunningServer;
let browser: Browser;
let pages: Cast<'coach' | 'supervisor' | 'member'>['pages'];
const pagesChecked: string[] = [];

async function checkPage(page: Page, name: string) {
  // From the top, so the sticky header is not photographed in the middle of a full-page screenshot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `coaching-${name}`);
  pagesChecked.push(name);
}

/** Polls with room for a busy CI machine (the default second is too short when the server shares its cores). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const count = (locator: { count(): Promise<number> }) => () => locator.count();

async function open(page: Page, path: string, title: string) {
  await page.goto(`${server.url}${path}`);
  await poll(() => heading(page)).toBe(title);
}

/** The client's card on the coach's caseload. */
const clientCard = (page: Page, alias: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: alias, level: 3 }) });

beforeAll(async () => {
  ({ server, browser, pages } = await openCast({
    coach: { viewport: DESKTOP, timezoneId: 'UTC' },
    supervisor: { viewport: DESKTOP, timezoneId: 'UTC' },
    member: { viewport: PHONE, timezoneId: 'UTC' },
  }));
});
afterAll(() => closeCast({ server, browser }));

describe('member asks for a coach → supervisor matches → member accepts and shares → craving 9 flags → revoking hides it', () => {
  it('sets up the organization with a coach, a supervisor and a member, each in their own browser', async () => {
    const admin = pages.admin;
    await setUpOrganization(admin, server.url, 'Bayside Recovery Community', ADMIN, [
      [pages.coach, COACH, ['coach']],
      [pages.supervisor, SUPERVISOR, ['supervisor']],
      [pages.member, MEMBER, ['member']],
    ]);
    await admin.context().close();
  });

  it('lets the coach fill in a coach profile: languages, weekly availability and most people at once', async () => {
    const page = pages.coach;
    await open(page, '/coaching/profile', 'My coach profile');
    await poll(count(page.getByText('You have no coach profile yet.', { exact: false }))).toBe(1);

    await page
      .getByLabel('Your lived experience')
      .fill('Twelve years in recovery from alcohol. I came back to help others find their way.');
    await page.getByRole('group', { name: 'Recovery pathways you know first-hand' }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: 'Specialties' }).getByRole('checkbox', { name: 'Alcohol' }).check();
    await page.getByLabel('Languages you coach in').fill('en, es');
    // Times are compared across zones; both people keep UTC here so the overlap is the same on any machine.
    await page.getByRole('combobox', { name: 'Your time zone' }).selectOption('UTC');
    await page.getByRole('button', { name: 'Add a time' }).click();
    await page.getByRole('combobox', { name: 'Day', exact: true }).selectOption({ label: 'Tuesday' });
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('17:00');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('20:00');
    await page.getByLabel('Most people you can coach at once').fill('4');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await poll(count(page.getByText('Profile saved.'))).toBe(1);
    await poll(count(page.getByText('0 of 4 seats taken'))).toBe(1);
    await checkPage(page, '01-coach-profile-saved');
  });

  it('lets the member ask for a coach who speaks Spanish (a must-have) on Tuesday evenings', async () => {
    const page = pages.member;
    await open(page, '/coaching', 'Peer coaching');
    await poll(count(page.getByRole('heading', { name: 'Ask for a coach' }))).toBe(1);
    await checkPage(page, '02-member-ask');

    await page.getByRole('group', { name: 'Languages you would like to speak' }).getByRole('checkbox', { name: 'Spanish' }).check();
    await page.getByRole('switch', { name: /^Must have\W+Languages you would like to speak$/ }).check();
    await page.getByRole('group', { name: 'Times that suit you' }).getByRole('button', { name: 'Add a time' }).click();
    await page.getByRole('combobox', { name: 'Day', exact: true }).selectOption({ label: 'Tuesday' });
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('18:00');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('19:30');
    await page.getByLabel('Anything you would like us to know (optional)').fill('Evenings after work are best for me.');
    await page.getByRole('button', { name: 'Ask for a coach' }).click();
    await poll(count(page.getByRole('heading', { name: 'Your request' }))).toBe(1);
    await poll(count(page.getByText('Waiting for a match', { exact: true }))).toBe(1);
    await checkPage(page, '03-member-waiting');
  });

  it('lets the supervisor suggest matches, read why the pair fits, and approve it', async () => {
    const page = pages.supervisor;
    await open(page, '/supervision/matching', 'Matching');
    const waiting = page.getByRole('region', { name: 'Waiting' });
    await poll(count(waiting.getByRole('rowheader', { name: MEMBER.alias }))).toBe(1);
    expect(await waiting.getByText('Spanish (must have)', { exact: false }).count()).toBe(1);
    await checkPage(page, '04-matching-board');

    await page.getByRole('button', { name: 'Suggest matches' }).click();
    const approve = page.getByRole('checkbox', { name: `Approve ${MEMBER.alias}` });
    await poll(count(approve)).toBe(1);
    expect(await approve.isChecked()).toBe(true);
    expect(await page.getByLabel(`Coach for ${MEMBER.alias}`).locator('option:checked').textContent()).toMatch(
      new RegExp(`^${COACH.alias} — `),
    );

    // The score explained: what was asked, what the coach offers, and the points for each.
    await page.getByText('Why this fit').click();
    const explanation = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Points' }) });
    const language = explanation.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Language' }) });
    await poll(() => language.textContent()).toContain('Spanish (must have)');
    const times = explanation.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Times' }) });
    expect(await times.textContent()).toContain('90 minutes a week in common');
    await checkPage(page, '05-matching-suggested');

    await page.getByRole('button', { name: 'Approve selected' }).click();
    await poll(count(page.getByText('1 match proposed. The member is notified and decides.'))).toBe(1);
    await poll(count(page.getByText('Nobody is waiting.'))).toBe(1);
  });

  it('lets the member read about the coach, tick what the coach may see, and accept', async () => {
    const page = pages.member;
    await page.reload();
    await poll(count(page.getByRole('heading', { name: 'A coach is suggested for you' }))).toBe(1);
    expect(await page.getByText('Twelve years in recovery from alcohol', { exact: false }).count()).toBe(1);
    // Nothing is ticked to begin with.
    const scopes = page.getByRole('group', { name: `What ${COACH.alias} may see` });
    for (const box of await scopes.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
    await checkPage(page, '06-member-proposal');

    await scopes.getByRole('checkbox', { name: 'Full check-ins' }).check();
    await scopes.getByRole('checkbox', { name: 'Check-in summary' }).check();
    await scopes.getByRole('checkbox', { name: 'Recovery clock' }).check();
    await page.getByRole('button', { name: `Start with ${COACH.alias}` }).click();
    await poll(count(page.getByRole('heading', { name: 'My coach' }))).toBe(1);
    const shares = page.getByText(/^You share: /);
    await poll(count(shares)).toBe(1);
    for (const scope of ['Recovery clock', 'Check-in summary', 'Full check-ins']) expect(await shares.textContent()).toContain(scope);
    expect(await shares.textContent()).not.toContain('Profile details');
    await checkPage(page, '07-member-my-coach');
  });

  it('shows the new client on the caseload, with nothing flagged yet', async () => {
    const page = pages.coach;
    await open(page, '/caseload', 'My caseload');
    const card = clientCard(page, MEMBER.alias);
    await poll(count(card)).toBe(1);
    expect(await card.getByText('Active', { exact: true }).count()).toBe(1);
    expect(await card.getByText('no check-in yet').count()).toBe(1);
    expect(await card.getByText('Cravings high').count()).toBe(0);
  });

  it('takes the member’s check-in with a craving of 9', async () => {
    const page = pages.member;
    await open(page, '/check-in', 'Daily check-in');
    await page.getByRole('radio', { name: '2 Low' }).check();
    const slider = page.getByRole('slider', { name: 'Craving right now (0 to 10)' });
    await slider.focus();
    await slider.press('End');
    await slider.press('ArrowLeft');
    expect(await slider.inputValue()).toBe('9');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await poll(count(page.getByRole('heading', { name: 'Thank you for checking in' }))).toBe(1);
    await checkPage(page, '08-member-checkin-craving');
  });

  it('flags the craving on the coach’s caseload, with what triggered it and the rule in words', async () => {
    const page = pages.coach;
    await page.reload();
    const card = clientCard(page, MEMBER.alias);
    await poll(count(card.getByText('Cravings high', { exact: true }))).toBe(1);
    expect(await card.getByText(/^Craving 9 of 10 on /).count()).toBe(1);
    expect(await card.getByText(/craving of 8 or more out of 10/).count()).toBe(1);
    expect(await card.getByText('Latest 9 of 10', { exact: false }).count()).toBe(1);
    expect(await page.getByText('1 client needs attention').count()).toBe(1);
    await checkPage(page, '09-caseload-flagged');
  });

  it('opens the client’s person view from the caseload card: what they share, and what they do not', async () => {
    const page = pages.coach;
    await clientCard(page, MEMBER.alias)
      .getByRole('link', { name: `See what ${MEMBER.alias} shares` })
      .click();
    await poll(() => heading(page)).toBe(MEMBER.alias);
    await poll(count(page.getByText(`${MEMBER.alias} shares 3 parts of their record with you.`, { exact: false }))).toBe(1);
    const checkins = page.getByRole('region', { name: 'Check-ins and trends' });
    await poll(count(checkins.getByText('9 of 10', { exact: true }))).toBeGreaterThanOrEqual(1);
    await poll(count(page.getByRole('region', { name: 'Check-in summary' }).getByText('Checked in today'))).toBe(1);
    for (const name of ['Recovery plan', 'Safety plan', 'Recovery capital (BARC-10)']) {
      expect(await page.getByRole('region', { name }).getByText(`${MEMBER.alias} has not shared this with you.`).count(), name).toBe(1);
    }
    await checkPage(page, '09b-coach-person-view');
  });

  it('lets the member revoke what the coach may see, on the privacy page', async () => {
    const page = pages.member;
    await open(page, '/privacy', 'Privacy');
    const grant = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: COACH.alias, level: 3 }) });
    await poll(count(grant)).toBe(1);
    await checkPage(page, '10-member-privacy');
    await grant.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Stop sharing with ${COACH.alias}?` });
    await poll(count(dialog)).toBe(1);
    await dialog.getByRole('button', { name: 'Yes, revoke' }).click();
    await poll(count(page.getByText('You are not sharing with anyone right now.'))).toBe(1);
  });

  it('leaves the coach with the client’s alias and status only: no flag, every field “not shared”', async () => {
    const page = pages.coach;
    await open(page, '/caseload', 'My caseload');
    const card = clientCard(page, MEMBER.alias);
    await poll(count(card.getByText('not shared (the client did not share what the rules read)'))).toBe(1);
    expect(await card.getByText('Active', { exact: true }).count()).toBe(1);
    expect(await card.getByText('Cravings high').count()).toBe(0);
    expect(await card.getByText(/9 of 10/).count()).toBe(0);
    // Last check-in, streak, craving and clock.
    expect(await card.getByText('not shared', { exact: true }).count()).toBe(4);
    expect(await page.getByText('No client has a risk flag right now').count()).toBe(1);
    await checkPage(page, '11-caseload-revoked');

    // The same at the HTTP level: the response carries no data of the client beyond alias and status.
    const response = await pageApi(page, 'GET', '/api/caseload');
    expect(response.status).toBe(200);
    const clients = (response.body as { clients: Record<string, unknown>[] }).clients;
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({
      alias: MEMBER.alias,
      status: 'active',
      shared: [],
      checkins: null,
      cravingTrend: null,
      clock: null,
      flags: null,
    });
  });

  it('checked every page it reached', () => {
    expect(pagesChecked.length).toBeGreaterThanOrEqual(11);
  });
});
