import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, closeJourney, completeFirstRun, goTo, type Journey, openJourney } from './support.ts';

const ADMIN = { email: 'lead@harbor.example.org', password: 'meetings at the harbor hall', alias: 'Harbor Lead' };
const NAME = 'Tuesday SMART Recovery';

let journey: Journey;
let page: Page;
beforeAll(async () => {
  journey = await openJourney();
  page = journey.page;
  page.setDefaultTimeout(10_000);
});
afterAll(async () => closeJourney(journey));

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const heading = (level: number) => page.getByRole('heading', { level }).first().textContent();

async function check(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `own-meetings-${name}`);
}

/** The public feed, past the browser's cache (it may keep the feed for 5 minutes). */
async function feed(): Promise<Record<string, unknown>[]> {
  return page.evaluate(async () => (await fetch('/api/meetings/feed.json', { cache: 'no-store' })).json());
}

/** A react-aria combobox: type to narrow the list, then pick the option. */
async function choose(label: string, typed: string, option: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await poll(() => box.inputValue()).toBe(option);
}

describe('an administrator manages the organization’s own meetings', () => {
  it('creates a hybrid SMART Recovery meeting with wheelchair access, edits it, and finds it in the feed', async () => {
    await page.goto(journey.server.url);
    await completeFirstRun(page, 'Harbor Recovery Community', ADMIN);
    await poll(() => heading(1)).toBe(`Welcome, ${ADMIN.alias}`);

    await goTo(page, 'Admin');
    await page.getByRole('link', { name: 'Our meetings' }).click();
    await poll(() => heading(1)).toBe('Our meetings');
    await poll(() => page.getByText('No meetings yet. Add the first one.').isVisible()).toBe(true);
    await check('empty');

    await page.getByRole('button', { name: 'Add a meeting' }).click();
    await poll(() => heading(2)).toBe('New meeting');
    // The zone defaults to the organization's (set at first run from the browser: UTC here).
    const zone = page.getByLabel('Time zone', { exact: true });
    expect(await zone.inputValue()).not.toBe('');
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await choose('Fellowship (optional)', 'smart', 'SMART Recovery');
    await page.getByRole('radio', { name: 'Hybrid' }).check();
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday' });
    await page.getByLabel('Starts', { exact: true }).fill('18:30');
    await page.getByLabel('Ends (optional)', { exact: true }).fill('20:00');
    await zone.selectOption('America/Chicago');
    await page.getByLabel('Place name (optional)', { exact: true }).fill('Harbor Community Center');
    await page.getByLabel('Street address', { exact: true }).fill('12 Water St');
    await page.getByLabel('City (optional)', { exact: true }).fill('Springfield');
    await page.getByLabel('State or province (optional)', { exact: true }).fill('IL');
    // A hostile link is refused next to its field.
    await page.getByLabel('Meeting link (optional)', { exact: true }).fill('javascript:alert(1)');
    await page.getByRole('checkbox', { name: 'Wheelchair Access' }).check();
    await page.getByRole('button', { name: 'Add meeting' }).click();
    await poll(() => page.getByText('Enter a web address starting with https://.').isVisible()).toBe(true);
    await check('form-error');

    await page.getByLabel('Meeting link (optional)', { exact: true }).fill('https://zoom.us/j/987654321');
    await page.getByRole('button', { name: 'Add meeting' }).click();
    await poll(() => page.getByText(`Added “${NAME}”.`).isVisible()).toBe(true);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: NAME }) });
    await poll(() => item.textContent()).toContain('SMART Recovery · Tuesday 18:30–20:00 · America/Chicago');
    await poll(() => item.textContent()).toContain('Hybrid');
    await check('list');

    await item.getByRole('button', { name: 'Edit' }).click();
    await poll(() => heading(2)).toBe('Edit meeting');
    await poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe(NAME);
    expect(await page.getByRole('checkbox', { name: 'Wheelchair Access' }).isChecked()).toBe(true);
    await page.getByLabel('Name', { exact: true }).fill(`${NAME} (Hall B)`);
    await page.getByRole('checkbox', { name: 'Wheelchair-Accessible Bathroom' }).check();
    await page.setViewportSize({ width: 1280, height: 900 });
    await check('edit-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Save meeting' }).click();
    await poll(() => page.getByText(`Saved “${NAME} (Hall B)”.`).isVisible()).toBe(true);

    const exported = (await feed()).find((record) => record.name === `${NAME} (Hall B)`);
    expect(exported).toMatchObject({
      slug: 'tuesday-smart-recovery',
      fellowship: 'SMART Recovery',
      day: 2,
      time: '18:30',
      end_time: '20:00',
      timezone: 'America/Chicago',
      address: '12 Water St',
      conference_url: 'https://zoom.us/j/987654321',
      approximate: 'no',
    });
    expect([...((exported?.types as string[]) ?? [])].sort()).toEqual(['X', 'XB']);

    // Search, then delete with confirmation.
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('hall b');
    await page.getByRole('button', { name: 'Search' }).click();
    await poll(() => page.getByText('1 meeting', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog');
    await poll(() => dialog.getByRole('heading').textContent()).toBe(`Delete “${NAME} (Hall B)”?`);
    await check('delete-dialog');
    await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    await poll(() => page.getByText('No meeting has that name.').isVisible()).toBe(true);
    expect(await feed()).toEqual([]);
  });
});
