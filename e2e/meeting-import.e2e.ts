import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingGuideFeed } from '../server/test/field-data.ts';
import { checkAndCapture, closeJourney, completeFirstRun, goTo, type Journey, openJourney } from './support.ts';

const ADMIN = { email: 'lead@valley.example.org', password: 'feeds from the valley office', alias: 'Valley Lead' };
const SOURCE = 'San Jose intergroup export';
// A real feed from the field: 693 records, one of them rejected.
const FEED = meetingGuideFeed('aasanjose.test.json');

let journey: Journey;
let page: Page;
beforeAll(async () => {
  journey = await openJourney();
  page = journey.page;
  page.setDefaultTimeout(15_000);
});
afterAll(async () => closeJourney(journey));

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const heading = (level: number) => page.getByRole('heading', { level }).first().textContent();

async function check(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkAndCapture(page, `meeting-import-${name}`);
}

describe('an administrator imports a Meeting Guide feed file', () => {
  it('adds a file source with a zone, uploads a real feed, reads the preview, commits and sees the report', async () => {
    await page.goto(journey.server.url);
    await completeFirstRun(page, 'Valley Recovery Network', ADMIN);
    await poll(() => heading(1)).toBe(`Welcome, ${ADMIN.alias}`);

    await goTo(page, 'Admin');
    await page.getByRole('link', { name: 'Meeting feeds' }).click();
    await poll(() => heading(1)).toBe('Meeting feeds');
    await poll(() => page.getByText('No sources yet.', { exact: false }).isVisible()).toBe(true);
    await check('empty');

    await page.getByRole('button', { name: 'Add a source' }).click();
    await poll(() => heading(1)).toBe('New source');
    await page.getByLabel('Name', { exact: true }).fill(SOURCE);
    await page.getByRole('radio', { name: 'A file I upload' }).check();
    const zone = page.getByLabel('Default time zone');
    await zone.selectOption('America/Los_Angeles');
    await poll(() => zone.inputValue()).toBe('America/Los_Angeles');
    await page.getByLabel('Fellowship (optional)').fill('AA');
    await check('form');
    await page.getByRole('button', { name: 'Save source' }).click();
    await poll(() => page.getByText(`Saved “${SOURCE}”.`).isVisible()).toBe(true);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SOURCE }) });
    await poll(() => card.textContent()).toContain('Not imported yet');
    await poll(() => card.textContent()).toContain('Default time zone: America/Los_Angeles');

    // Check first without a file: a clear message, nothing sent.
    await card.getByRole('button', { name: 'Check this file' }).click();
    await poll(() => card.getByText('Choose a file first.').isVisible()).toBe(true);

    await card.getByLabel(`Feed file for ${SOURCE} (JSON)`).setInputFiles(FEED);
    await card.getByRole('button', { name: 'Check this file' }).click();
    const panel = page.getByRole('region', { name: `Import into “${SOURCE}”` });
    await poll(() => panel.getByRole('button', { name: 'Commit this import' }).isVisible()).toBe(true);
    const stats = await panel.locator('.stat').allTextContents();
    // Only real repairs count; each kind is said in words, and the doubtful meetings are listed.
    expect(stats).toEqual(['Records693', 'Accepted693', 'Repaired417', 'Rejected0']);
    await poll(() => panel.getByText('“Last updated” dates in other formats read: 417').isVisible()).toBe(true);
    await poll(() => panel.getByText('Slugs used twice: the later meeting is kept under a new slug: 1').isVisible()).toBe(true);
    await panel.getByText('Meetings to check (3)').click();
    await poll(() => panel.getByText(/\(pass-it-on-group-2\): slug used twice, given a new one$/).isVisible()).toBe(true);
    await poll(() => panel.getByText('Added (693)').isVisible()).toBe(true);
    // The long list opens a page at a time.
    await panel.getByText('Added (693)').click();
    await poll(() => panel.getByText('Showing 50 of 693.').isVisible()).toBe(true);
    await check('preview');

    await panel.getByRole('button', { name: 'Commit this import' }).click();
    await poll(() => panel.getByText('Imported. The meeting finder shows the new meetings now.').isVisible()).toBe(true);
    await poll(() => panel.getByRole('heading', { name: 'What the import did' }).isVisible()).toBe(true);
    await poll(() => card.textContent()).toContain('693 meetings');
    await poll(() => card.textContent()).toContain('693 of 693 records accepted · 693 added, 0 changed, 0 removed, 0 rejected');
    await check('committed');

    // The same file again: nothing to change.
    await card.getByLabel(`Feed file for ${SOURCE} (JSON)`).setInputFiles(FEED);
    await card.getByRole('button', { name: 'Check this file' }).click();
    await poll(() => panel.getByText('693 meetings unchanged.').isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Discard' }).click();
    await poll(() => panel.getByText('The import was discarded; nothing was written.').isVisible()).toBe(true);

    // On a desktop screen too.
    await page.setViewportSize({ width: 1280, height: 900 });
    await check('desktop');

    // Deleting asks first and says the meetings go too.
    await card.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog');
    await poll(() => dialog.textContent()).toContain('Its 693 meetings are removed from the meeting finder too.');
    await check('delete-confirm');
    await dialog.getByRole('button', { name: 'Yes, delete the source and its meetings' }).click();
    await poll(() => page.getByText(`Deleted “${SOURCE}”.`).isVisible()).toBe(true);
    await poll(() => page.getByText('No sources yet.', { exact: false }).isVisible()).toBe(true);
  });
});
