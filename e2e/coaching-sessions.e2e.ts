import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cast, checkAndCapture, closeCast, openCast, PHONE, pageApi, type RunningServer, setUpOrganization } from './support.ts';

const ADMIN = { email: 'lead@pier.example.org', password: 'gulls over the old pier', alias: 'Pier Lead' };
const COACH = { email: 'ana@pier.example.org', password: 'the long way round is fine', alias: 'Ana C' };
const SUPERVISOR = { email: 'ray@pier.example.org', password: 'read every note with care', alias: 'Ray' };
const MEMBER = { email: 'jules@pier.example.org', password: 'small steps all the same', alias: 'Jules' };

let server: RunningServer;
let browser: Browser;
let pages: Cast<'coach' | 'supervisor' | 'member'>['pages'];
const pagesChecked: string[] = [];

async function checkPage(page: Page, name: string) {
  // From the top, so the sticky header is not photographed in the middle of a full-page screenshot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `coaching-sessions-${name}`);
  pagesChecked.push(name);
}

/** Polls with room for a busy CI machine (the default second is too short when the server shares its cores). */
const poll = <T>(read: () => T | Promise<T>, timeout = 10_000) => expect.poll(read, { timeout, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const count = (locator: { count(): Promise<number> }) => () => locator.count();

async function open(page: Page, path: string, title: string) {
  await page.goto(`${server.url}${path}`);
  await poll(() => heading(page)).toBe(title);
}

async function ok(page: Page, method: string, url: string, body?: unknown) {
  const response = await pageApi(page, method, url, body);
  expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
  return response.body as Record<string, unknown>;
}

beforeAll(async () => {
  // Everyone on a phone this time.
  const phone = { viewport: PHONE, timezoneId: 'UTC', acceptDownloads: true };
  ({ server, browser, pages } = await openCast({ coach: phone, supervisor: phone, member: phone }));
});
afterAll(() => closeCast({ server, browser }));

describe('sessions, notes with referrals, sign-off and messages, on a phone', () => {
  it('starts from an active coaching relationship (made over the API; the matching journey clicks through it)', async () => {
    const admin = pages.admin;
    await setUpOrganization(admin, server.url, 'Pier Recovery Community', ADMIN, [
      [pages.coach, COACH, ['coach']],
      [pages.supervisor, SUPERVISOR, ['supervisor']],
      [pages.member, MEMBER, ['member']],
    ]);
    await admin.context().close();

    await ok(pages.coach, 'PUT', '/api/coaching/profile', {
      livedExperience: 'In recovery since 2015.',
      pathways: [],
      specialties: [],
      languages: ['en'],
      gender: null,
      timezone: 'UTC',
      availability: [],
      maxCaseload: 5,
      certification: null,
      accepting: true,
    });
    const preferences = { gender: null, language: null, pathway: null, specialties: null, times: null, timezone: 'UTC' };
    await ok(pages.member, 'POST', '/api/coaching/requests', { preferences, requestedCoachId: null, intakeNote: null });
    const suggestion = (await ok(pages.supervisor, 'POST', '/api/coaching/matching/suggest', {})) as {
      pairs: { requestId: string; coach: { id: string } }[];
    };
    expect(suggestion.pairs).toHaveLength(1);
    const [pair] = suggestion.pairs;
    await ok(pages.supervisor, 'POST', '/api/coaching/matching/approve', {
      pairs: [{ requestId: pair?.requestId, coachId: pair?.coach.id }],
    });
    const mine = (await ok(pages.member, 'GET', '/api/coaching/mine')) as { current: { id: string; status: string } };
    expect(mine.current.status).toBe('proposed');
    await ok(pages.member, 'POST', `/api/coaching/relationships/${mine.current.id}/accept`, { scopes: ['checkins.summary'] });
  });

  it('lets the coach open the relationship from the caseload and schedule a phone session, with a calendar file', async () => {
    const page = pages.coach;
    await open(page, '/caseload', 'My caseload');
    await page.getByRole('link', { name: `Open relationship with ${MEMBER.alias}` }).click();
    await poll(() => heading(page)).toBe(`Coaching with ${MEMBER.alias}`);
    await poll(count(page.getByText('No sessions scheduled yet.'))).toBe(1);
    await checkPage(page, '01-relationship-coach');

    const schedule = page.getByRole('region', { name: 'Schedule a session' });
    // The date and time start at tomorrow 10:00; the way to meet starts at phone.
    expect(await schedule.getByLabel('Date and time').inputValue()).toMatch(/T10:00$/);
    await schedule.getByRole('radio', { name: 'Phone' }).check();
    await schedule.getByLabel('Length in minutes').fill('30');
    await schedule.getByLabel('A few words for your client (optional)').fill('A first call to get to know each other.');
    await schedule.getByRole('button', { name: 'Schedule the session' }).click();
    await poll(count(page.getByText('Session scheduled.'))).toBe(1);

    const coming = page.getByRole('region', { name: 'Coming sessions' });
    await poll(count(coming.getByRole('listitem'))).toBe(1);
    expect(await coming.getByText('Phone · 30 minutes').count()).toBe(1);
    await checkPage(page, '02-session-scheduled');

    const downloading = page.waitForEvent('download');
    // Each session's buttons name the session they act on.
    await coming.getByRole('link', { name: /^Add to calendar \(\w+day, .+\)$/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = readFileSync(await download.path(), 'utf8');
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toContain('END:VCALENDAR');
  });

  it('refuses an empty note and says what it needs', async () => {
    const page = pages.coach;
    const write = page.getByRole('region', { name: 'Write a note' });
    await write.getByRole('button', { name: 'Save the note' }).click();
    await poll(count(write.getByText('Write what happened, a next step, a goal moved or a referral: a note needs at least one.'))).toBe(1);
    // Focus goes to the input that needs it, and nothing was saved.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('summary');
    expect(await page.getByRole('region', { name: 'Notes' }).getByText('No notes yet.').count()).toBe(1);
  });

  it('lets the coach write a note with a referral; it waits for sign-off', async () => {
    const page = pages.coach;
    const write = page.getByRole('region', { name: 'Write a note' });
    await write.getByRole('radio', { name: 'Phone' }).check();
    await write.getByLabel('Length in minutes').fill('20');
    await write.getByRole('checkbox', { name: 'Housing' }).check();
    await write.getByLabel('Plan goals moved forward').fill('Find a sober living place');
    await write.getByRole('button', { name: 'Add a referral' }).click();
    await write.getByLabel('Service 1').fill('Harbor Housing Services');
    await write.getByLabel('Why (optional)').fill('Sober living waiting list');
    await write.getByLabel('Summary').fill('Talked about housing. Jules wants a quieter place to live.');
    await write.getByLabel('Next steps').fill('Call the housing office on Monday.');
    await write.getByRole('button', { name: 'Save the note' }).click();
    await poll(count(page.getByText('Note saved.'))).toBe(1);

    const notes = page.getByRole('region', { name: 'Notes' });
    await poll(count(notes.getByText('Awaiting sign-off'))).toBe(1);
    expect(await notes.getByText('Harbor Housing Services — Open').count()).toBe(1);
    const referrals = page.getByRole('region', { name: 'Referrals' });
    await poll(count(referrals.getByRole('heading', { name: 'Harbor Housing Services' }))).toBe(1);
    await checkPage(page, '03-note-written');
  });

  it('shows the member the session and lets them read the note', async () => {
    const page = pages.member;
    await open(page, '/coaching', 'Peer coaching');
    await page.getByRole('link', { name: 'Sessions and notes' }).click();
    await poll(() => heading(page)).toBe(`Coaching with ${COACH.alias}`);
    const coming = page.getByRole('region', { name: 'Coming sessions' });
    await poll(count(coming.getByText('Phone · 30 minutes'))).toBe(1);
    const notes = page.getByRole('region', { name: 'Notes' });
    await poll(count(notes.getByText('Talked about housing. Jules wants a quieter place to live.'))).toBe(1);
    expect(await notes.getByText('Call the housing office on Monday.').count()).toBe(1);
    expect(await notes.getByText(COACH.alias, { exact: true }).count()).toBe(1);
    // The member reads, and does not write or schedule.
    expect(await page.getByRole('region', { name: 'Write a note' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Schedule a session' }).count()).toBe(0);
    await checkPage(page, '04-relationship-member');
  });

  it('lets the supervisor return the note with a comment; the coach corrects and resubmits it; the member never sees the comment', async () => {
    const supervisor = pages.supervisor;
    await open(supervisor, '/supervision/notes', 'Notes to sign off');
    const queued = supervisor
      .getByRole('listitem')
      .filter({ hasText: 'Harbor Housing Services' })
      .filter({ has: supervisor.getByRole('heading', { level: 3 }) });
    await poll(count(queued)).toBe(1);
    await queued.getByRole('button', { name: /^Return for changes/ }).click();
    await queued.getByRole('button', { name: 'Return to the coach' }).click();
    await poll(count(queued.getByText('This is required.'))).toBe(1);
    await queued.getByLabel('What should change').fill('Say which housing office and what they asked for.');
    await queued.getByRole('button', { name: 'Return to the coach' }).click();
    await poll(count(supervisor.getByText('No notes are waiting.'))).toBe(1);

    const coach = pages.coach;
    await coach.reload();
    const notes = coach.getByRole('region', { name: 'Notes' });
    await poll(count(notes.getByText('Returned for changes'))).toBe(1);
    expect(await notes.getByText('Say which housing office and what they asked for.').count()).toBe(1);
    await checkPage(coach, '05a-note-returned');

    const member = pages.member;
    await member.reload();
    const memberNotes = member.getByRole('region', { name: 'Notes' });
    await poll(count(memberNotes.getByText('Awaiting sign-off'))).toBe(1);
    expect(await memberNotes.getByText('Say which housing office', { exact: false }).count()).toBe(0);
    expect(await memberNotes.getByRole('button', { name: /Correct|changes/ }).count()).toBe(0);

    await notes.getByRole('button', { name: 'Make the changes asked for' }).click();
    await notes.getByLabel('Next steps').fill('Call the Harbor Street housing office on Monday about the waiting list form.');
    await notes.getByRole('button', { name: 'Save and send back for sign-off' }).click();
    await poll(count(notes.getByText('Awaiting sign-off'))).toBe(1);
    expect(await notes.getByText('Returned for changes').count()).toBe(0);
    await notes.getByRole('button', { name: 'Show the earlier version' }).click();
    await poll(count(notes.getByText('Version 1'))).toBe(1);
    expect(await notes.getByText('Call the housing office on Monday.').count()).toBe(1);
    await checkPage(coach, '05b-note-resubmitted');
  });

  it('lets the supervisor sign the note off', async () => {
    const page = pages.supervisor;
    await open(page, '/supervision/notes', 'Notes to sign off');
    const note = page
      .getByRole('listitem')
      .filter({ hasText: 'Harbor Housing Services' })
      .filter({ has: page.getByRole('heading', { level: 3 }) });
    await poll(count(note)).toBe(1);
    expect(await note.getByText(MEMBER.alias, { exact: true }).count()).toBe(1);
    await checkPage(page, '05-sign-off-queue');
    await note.getByRole('button', { name: new RegExp(`^Sign off the note of \\w+day, .* for ${MEMBER.alias}$`) }).click();
    await poll(count(page.getByText('No notes are waiting.'))).toBe(1);

    // The member sees who signed it off.
    await pages.member.reload();
    await poll(count(pages.member.getByText(`Signed off by ${SUPERVISOR.alias}`))).toBe(1);
  });

  it('lets the coach correct a signed-off note only with a reason; it is marked corrected and waits for sign-off again', async () => {
    const coach = pages.coach;
    await coach.reload();
    const notes = coach.getByRole('region', { name: 'Notes' });
    await poll(count(notes.getByText(`Signed off by ${SUPERVISOR.alias}`))).toBe(1);
    await notes.getByRole('button', { name: 'Correct this note' }).click();
    await notes.getByLabel('Length in minutes').fill('25');
    await notes.getByRole('button', { name: 'Save the correction' }).click();
    await poll(count(notes.getByText('Say what was wrong: a signed-off note is corrected only with a reason.'))).toBe(1);
    await notes.getByLabel('What was wrong').fill('The call lasted 25 minutes, not 20.');
    await notes.getByRole('button', { name: 'Save the correction' }).click();
    await poll(count(notes.getByText(/^Corrected on /))).toBe(1);
    expect(await notes.getByText('Awaiting sign-off').count()).toBe(1);
    await checkPage(coach, '05c-note-corrected');

    await pages.member.reload();
    await poll(count(pages.member.getByText(/^Corrected on /))).toBe(1);
    const supervisor = pages.supervisor;
    await open(supervisor, '/supervision/notes', 'Notes to sign off');
    const queued = supervisor
      .getByRole('listitem')
      .filter({ hasText: 'Harbor Housing Services' })
      .filter({ has: supervisor.getByRole('heading', { level: 3 }) });
    await poll(count(queued)).toBe(1);
    await queued.getByRole('button', { name: new RegExp(`^Sign off the note of \\w+day, .* for ${MEMBER.alias}$`) }).click();
    await poll(count(supervisor.getByText('No notes are waiting.'))).toBe(1);
  });

  it('carries a message from coach to member without a reload, and shows the coach it was seen', async () => {
    const coach = pages.coach;
    const member = pages.member;
    await open(coach, '/caseload', 'My caseload');
    await coach.getByRole('link', { name: `Open relationship with ${MEMBER.alias}` }).click();
    await poll(() => heading(coach)).toBe(`Coaching with ${MEMBER.alias}`);
    await coach.getByRole('button', { name: `Message ${MEMBER.alias}` }).click();
    await poll(() => heading(coach)).toBe(`Conversation with ${MEMBER.alias}`);

    // The member opens the conversation from the messages page and keeps it open.
    await open(member, '/messages', 'Messages');
    await member.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: COACH.alias }).click();
    await poll(() => heading(member)).toBe(`Conversation with ${COACH.alias}`);
    await poll(count(member.getByText('No messages yet. Say hello.'))).toBe(1);

    await coach.getByLabel(`Message to ${MEMBER.alias}`).fill('How did the call with the housing office go?');
    await coach.getByRole('button', { name: 'Send' }).click();
    const coachThread = coach.getByRole('list', { name: `Messages with ${MEMBER.alias}` });
    await poll(count(coachThread.getByText('How did the call with the housing office go?'))).toBe(1);

    // Within the polling window, with no reload: the message arrives and is announced.
    const memberThread = member.getByRole('list', { name: `Messages with ${COACH.alias}` });
    await poll(count(memberThread.getByText('How did the call with the housing office go?')), 8_000).toBe(1);
    await poll(count(member.getByText(`New message from ${COACH.alias}: How did the call with the housing office go?`))).toBe(1);
    await checkPage(member, '06-thread-member');

    // The member's open thread marks it read; the coach's thread shows "Seen" under it.
    await poll(count(coachThread.getByText('Seen', { exact: false })), 8_000).toBe(1);
    await checkPage(coach, '07-thread-coach-seen');

    await member.getByLabel(`Message to ${COACH.alias}`).fill('They put me on the list. Thank you!');
    await member.getByLabel(`Message to ${COACH.alias}`).press('Enter');
    await poll(count(coachThread.getByText('They put me on the list. Thank you!')), 8_000).toBe(1);
  });

  it('checked every page it reached', () => {
    expect(pagesChecked.length).toBeGreaterThanOrEqual(10);
  });
});
