import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, closeJourney, completeFirstRun, openJourney, type RunningServer } from './support.ts';

const PERSON = { email: 'lark@meadow.example.org', password: 'larks sing before dawn', alias: 'Lark' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ server, browser, context, page } = await openJourney());
});
afterAll(() => closeJourney({ server, browser, context }));

async function checkPage(name: string) {
  await checkAndCapture(page, `reminders-${name}`);
}

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

describe('reminders: choose them on the profile page; the notification centre', () => {
  it('saves a daily check-in reminder time and keeps it after a reload', async () => {
    await page.goto(server.url);
    await expect.poll(heading).toBe('Set up Kinship');
    await completeFirstRun(page, 'Meadow Recovery Community', PERSON);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);

    await page.goto(`${server.url}/profile`);
    await expect.poll(() => page.getByRole('heading', { name: 'Reminders' }).count()).toBe(1);
    await checkPage('01-profile');
    await page.getByLabel('Daily check-in reminder').selectOption('20:30');
    await page.getByLabel('Recovery capital (BARC-10) reminder').selectOption('14');
    await page.getByRole('button', { name: 'Save reminders' }).click();
    await expect.poll(() => page.getByText('Your reminder choices are saved.').count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByLabel('Daily check-in reminder').inputValue()).toBe('20:30');
    expect(await page.getByLabel('Recovery capital (BARC-10) reminder').inputValue()).toBe('14');
  });

  it('reaches the notification centre from the header bell', async () => {
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await expect.poll(heading).toBe('Notifications');
    await expect.poll(() => page.getByText('Nothing here yet.').count()).toBe(1);
    await checkPage('02-notifications');
  });
});
