import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, closeJourney, completeFirstRun, goTo, openJourney, pageApi, type RunningServer } from './support.ts';

const PERSON = { email: 'river@tide.example.org', password: 'slow river finds the sea', alias: 'River' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pagesChecked: string[] = [];

beforeAll(async () => {
  ({ server, browser, context, page } = await openJourney());
});
afterAll(() => closeJourney({ server, browser, context }));

/** Every page a person reaches is checked by axe and photographed at phone size. */
async function checkPage(name: string) {
  await checkAndCapture(page, `checkin-${name}`);
  pagesChecked.push(name);
}

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

/** Moves the craving slider with the keyboard, as a person without a pointer would. */
async function setCraving(value: number) {
  const slider = page.getByRole('slider', { name: 'Craving right now (0 to 10)' });
  await slider.focus();
  await slider.press('Home');
  for (let step = 0; step < value; step += 1) await slider.press('ArrowRight');
  expect(await slider.inputValue()).toBe(String(value));
}

describe('daily check-in → streak → trends; a hard day → reasons and the safety plan; clocks', () => {
  it('sets up the organization and lands on the home page with the journey tools', async () => {
    await page.goto(server.url);
    await expect.poll(heading).toBe('Set up Kinship');
    await completeFirstRun(page, 'Tide Recovery Community', PERSON);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);
    for (const tool of ['Daily check-in', 'My trends', 'Recovery clocks', 'My reasons']) {
      expect(
        await page
          .getByRole('main')
          .getByRole('link', { name: new RegExp(`^${tool}`) })
          .count(),
        tool,
      ).toBe(1);
    }
  });

  it('keeps the phone navigation short: the everyday places, and the rest in groups behind "Menu"', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await nav.getByRole('link', { name: 'Home', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'My trends' }).count()).toBe(0);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    // Focus moves into the menu (Home is already in the row above), under the same headings as the home page.
    await expect.poll(focused).toBe('Daily check-in');
    for (const group of ['My recovery', 'Connect', 'Meetings and events', 'Work', 'My account']) {
      expect(await nav.getByRole('heading', { name: group, level: 2 }).count(), group).toBe(1);
      expect(await page.getByRole('main').getByRole('heading', { name: group, level: 2 }).count(), group).toBe(1);
    }
    expect(await nav.getByRole('list', { name: 'My recovery' }).getByRole('link', { name: 'My trends' }).count()).toBe(1);
    // Tab moves on through the menu (nothing is trapped); Escape closes it and returns to the button.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('My trends');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('Menu');
    expect(await nav.getByRole('link', { name: 'My trends' }).count()).toBe(0);
  });

  it('makes a first check-in in a few taps and shows the streak', async () => {
    await goTo(page, 'Daily check-in');
    await expect.poll(heading).toBe('Daily check-in');
    await checkPage('01-new');

    // Saving with nothing chosen names the missing answers instead of sending.
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText('Please check the highlighted fields.').count()).toBe(0);
    await expect.poll(() => page.getByText('This is required.').count()).toBe(2);

    await page.getByRole('radio', { name: '4 Good' }).check();
    await setCraving(3);
    await page.getByRole('textbox', { name: 'Hours of sleep (optional)' }).fill('7');
    await page.getByRole('button', { name: /^Increase/ }).click();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByLabel('One thing I am grateful for (optional)').fill('Morning walk by the water');

    // The first try is lost on the network; the retry of the same answers carries the same Idempotency-Key.
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/api/me/checkins/')) keys.push(request.headers()['idempotency-key'] ?? '');
    });
    let dropped = false;
    await page.route('**/api/me/checkins/*', (route) => {
      if (route.request().method() !== 'PUT' || dropped) return route.continue();
      dropped = true;
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText('We could not reach Kinship. Check your connection and try again.').count()).toBe(1);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText(/Your check-in for .* is saved/).count()).toBe(1);
    await page.unroute('**/api/me/checkins/*');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    await expect.poll(() => page.locator('.stat').first().textContent()).toBe('Check-in streak1 day');
    await expect.poll(() => page.getByRole('button', { name: 'Update check-in' }).count()).toBe(1);
    await checkPage('02-saved');
  });

  it('shows the trends as charts with a text summary and a table', async () => {
    await page.getByRole('link', { name: 'See my trends' }).click();
    await expect.poll(heading).toBe('My trends');
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(4);
    await expect.poll(() => page.getByText('Average 4, lowest 4, highest 4, from 1 day with an answer.').count()).toBe(1);
    await expect.poll(() => page.getByText(/You checked in on 1 of the last 30 days/).count()).toBe(1);
    // Sleep was typed as 7 and stepped up by half an hour.
    expect(await page.getByText('Average 7.5, lowest 7.5, highest 7.5, from 1 day with an answer.').count()).toBe(1);
    await page.getByRole('button', { name: 'Show as a table' }).first().click();
    await expect.poll(() => page.getByRole('table').count()).toBe(1);
    await checkPage('03-trends');
    await page.getByRole('radio', { name: '7 days' }).check();
    await expect.poll(() => page.getByText(/You checked in on 1 of the last 7 days/).count()).toBe(1);
  });

  it('keeps my reasons in my order', async () => {
    await goTo(page, 'My reasons');
    await expect.poll(heading).toBe('My reasons');
    await checkPage('04-reasons-empty');
    for (const reason of ['To be there for my daughter', 'To wake up clear-headed']) {
      await page.getByLabel('A new reason').fill(reason);
      await page.getByRole('button', { name: 'Add reason' }).click();
    }
    await page.getByRole('button', { name: 'Move reason 2 up' }).click();
    // Saved as they go: no Save button to forget.
    await expect.poll(() => page.getByText('Your reasons are saved.').count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Reason 1' }).inputValue()).toBe('To wake up clear-headed');
    await expect
      .poll(async () => (await pageApi(page, 'GET', '/api/me/reasons')).body)
      .toEqual({ reasons: ['To wake up clear-headed', 'To be there for my daughter'] });

    // A reason typed but not added: leaving asks first, and staying keeps it.
    await page.getByLabel('A new reason').fill('To keep my job');
    await goTo(page, 'Daily check-in');
    const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect.poll(() => leave.count()).toBe(1);
    await leave.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(heading).toBe('My reasons');
    await page.getByRole('button', { name: 'Add reason' }).click();
    await expect
      .poll(async () => (await pageApi(page, 'GET', '/api/me/reasons')).body)
      .toEqual({ reasons: ['To wake up clear-headed', 'To be there for my daughter', 'To keep my job'] });
    await page.getByRole('button', { name: 'Remove reason 3' }).click();
    await expect.poll(async () => ((await pageApi(page, 'GET', '/api/me/reasons')).body as { reasons: string[] }).reasons).toHaveLength(2);
    await checkPage('05-reasons-saved');
  });

  it('after a craving of 9 shows my own reasons, my coping strategies and the safety plan, with no judgement', async () => {
    await goTo(page, 'Daily check-in');
    await expect.poll(() => page.getByRole('button', { name: 'Update check-in' }).count()).toBe(1);
    await setCraving(9);
    await page.getByRole('button', { name: 'Update check-in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Thank you for checking in' }).count()).toBe(1);
    await expect.poll(() => page.getByText('To wake up clear-headed').count()).toBe(1);
    expect(await page.getByText('To be there for my daughter').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Open my safety plan' }).getAttribute('href')).toBe('/safety-plan');
    // Coping strategies come from the recovery plan; with none written yet, the page says where to write them.
    await expect.poll(() => page.getByRole('heading', { name: 'What helps me' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Write a few in your plan.' }).getAttribute('href')).toBe('/plan');
    await checkPage('06-hard-moment');
    await page.getByRole('button', { name: 'Back to my check-in' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Update check-in' }).count()).toBe(1);
  });

  it('fills in a missed day, marked as filled in later', async () => {
    await page.getByRole('button', { name: 'Missed a day?' }).click();
    const picker = page.getByLabel('Which day?');
    const yesterday = await picker.locator('option').nth(1).getAttribute('value');
    await picker.selectOption(yesterday ?? '');
    await expect.poll(() => page.getByText('Filled in later', { exact: true }).count()).toBe(1);
    await page.getByRole('radio', { name: '3 Okay' }).check();
    await page.getByRole('radio', { name: 'Prefer not to say' }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText(/Your check-in for .* is saved/).count()).toBe(1);
    await expect.poll(() => page.locator('.stat').first().textContent()).toBe('Check-in streak2 days');
    await checkPage('07-backfilled');
  });

  it('adds a recovery clock, celebrates its milestone once, and starts a new run keeping the history', async () => {
    await goTo(page, 'Recovery clocks');
    await expect.poll(heading).toBe('Recovery clocks');
    await checkPage('08-clocks-empty');
    const start = new Date(Date.now() - 8 * 86_400_000 - 3_600_000);
    start.setSeconds(0, 0);
    const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Name of this clock').fill('My recovery');
    await page.getByLabel('When did it start?').fill(local);
    await page.getByRole('button', { name: 'Add clock' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'My recovery', level: 3 }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'A milestone to celebrate' }).count()).toBe(1);
    expect(await page.getByText('7 days: My recovery').count()).toBe(1);
    expect(await page.locator('.clock-days').textContent()).toBe('8 days');
    await checkPage('09-clocks-milestone');

    // Shown once: a reload does not celebrate it again.
    await page.reload();
    await expect.poll(() => page.locator('.clock-days').count()).toBe(1);
    expect(await page.getByText('A milestone to celebrate').count()).toBe(0);

    await page.getByRole('button', { name: 'Start a new run' }).click();
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(1);
    await checkPage('10-new-run-dialog');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Start a new run' }).click();
    await expect.poll(() => page.locator('.clock-days').textContent()).toBe('0 days');
    const details = (await page.locator('.clock-card .details').textContent()) ?? '';
    expect(details).toContain('Total days in recovery8 days');
    expect(details).toContain('Longest run8 days');
    await checkPage('11-clocks-new-run');
  });

  it('checked every page it reached', () => {
    expect(pagesChecked.length).toBeGreaterThanOrEqual(11);
  });
});
