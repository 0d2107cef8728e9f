import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeJourney,
  completeFirstRun,
  goTo,
  openJourney,
  PHONE,
  type RunningServer,
  SCREENSHOTS,
  seriousA11yViolations,
} from './support.ts';

const PERSON = { email: 'rae@harbor.example.org', password: 'slow river under stars', alias: 'Rae' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pagesChecked: string[] = [];

beforeAll(async () => {
  ({ server, browser, context, page } = await openJourney());
  page.setDefaultTimeout(10_000);
});
afterAll(() => closeJourney({ server, browser, context }));

/** Every page a person reaches is checked by axe and photographed at phone size. */
async function checkPage(name: string) {
  await page.waitForLoadState('networkidle');
  expect(await seriousA11yViolations(page), `accessibility of ${name}`).toEqual([]);
  // Mobile-first: nothing pushes the page wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${name}`).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  pagesChecked.push(name);
}

const heading = () => page.getByRole('heading', { level: 1 }).textContent();

/** The keys the offline store holds (IndexedDB "kinship", store "offline"). */
function offlineKeys(): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open('kinship');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('offline')) return resolve([]);
          const keys = db.transaction('offline').objectStore('offline').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String).sort());
          keys.onerror = () => resolve(['error']);
        };
        request.onerror = () => resolve(['error']);
      }),
  );
}

describe('safety plan one tap away, recovery plan, BARC-10', () => {
  it('sets up the organization; the safety plan is in the header of every signed-in page', async () => {
    await page.goto(server.url);
    await expect.poll(heading).toBe('Set up Kinship');
    await completeFirstRun(page, 'Harbor Recovery Community', PERSON);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);
    for (const tile of ['Safety plan', 'Recovery plan', 'Recovery capital']) {
      expect(
        await page
          .getByRole('main')
          .getByRole('link', { name: new RegExp(`^${tile}`) })
          .count(),
        tile,
      ).toBe(1);
    }
    expect(await page.getByRole('banner').getByRole('link', { name: 'My safety plan' }).count()).toBe(1);
  });

  it('writes the safety plan: six steps, the most important thing, crisis lines with tel: and sms: links', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'My safety plan' }).click();
    await expect.poll(heading).toBe('My safety plan');
    expect(await page.getByRole('link', { name: 'Call 988' }).first().getAttribute('href')).toBe('tel:988');
    expect(await page.getByRole('link', { name: 'Text 988' }).first().getAttribute('href')).toBe('sms:988');
    await checkPage('20-safety-plan-empty');

    await page.getByRole('button', { name: 'Write my safety plan' }).click();
    await expect.poll(heading).toBe('Edit my safety plan');
    await page.getByLabel('The one thing that matters most to me').fill('My daughter Maya');
    await page.getByRole('textbox', { name: 'Signs that a hard time is starting for me' }).fill('Not sleeping\nSkipping meals');
    await page.getByRole('textbox', { name: 'What I can do by myself to get through it' }).fill('Walk by the river\nCold shower');
    await page.getByRole('button', { name: 'Add a person or place' }).nth(1).click();
    await page.getByLabel('Name or place').fill('Jordan (sponsor)');
    await page.getByLabel('Phone (optional)').fill('555-0100');
    await page.getByRole('textbox', { name: 'How I can make my surroundings safer' }).fill('Keep no alcohol at home');
    await checkPage('21-safety-plan-edit');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    await expect.poll(() => page.getByText('Your safety plan is saved.').count()).toBe(1);
    await expect.poll(heading).toBe('My safety plan');
    expect(await page.getByText('Walk by the river').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Call Jordan (sponsor)' }).getAttribute('href')).toBe('tel:5550100');
    await checkPage('22-safety-plan-saved');
    // Kept on this device for when the network is down.
    await expect.poll(offlineKeys).toEqual(['owner', 'safety-plan']);
  });

  it('says kindly when the plan was changed elsewhere meanwhile, and loads the latest', async () => {
    await page.getByRole('button', { name: 'Edit my plan' }).click();
    const other = await context.newPage();
    await other.goto(`${server.url}/safety-plan`);
    await other.getByRole('button', { name: 'Edit my plan' }).click();
    await other.getByLabel('The one thing that matters most to me').fill('My daughter Maya and my dog Pip');
    await other.getByRole('button', { name: 'Save my plan' }).click();
    await expect.poll(() => other.getByText('Your safety plan is saved.').count()).toBe(1);
    await other.close();

    await page.getByLabel('The one thing that matters most to me').fill('Something else');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    await expect.poll(() => page.getByText(/Your plan was changed somewhere else/).count()).toBe(1);
    expect(await page.getByLabel('The one thing that matters most to me').inputValue()).toBe('My daughter Maya and my dog Pip');
    await checkPage('23-safety-plan-conflict');
    await page.getByRole('button', { name: 'Stop editing' }).click();
    await expect.poll(() => page.getByText('My daughter Maya and my dog Pip').count()).toBe(1);
  });

  it('prints the plan without the navigation', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    expect(await page.getByText('Not sleeping').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, '24-safety-plan-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'Letter' });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
  });

  it('takes the BARC-10 and shows the total, the 47 marker in kind words, and the history', async () => {
    await goTo(page, 'Recovery capital');
    await expect.poll(heading).toBe('Recovery capital (BARC-10)');
    await checkPage('25-barc10-form');
    // Submitting with answers missing names them instead of sending.
    await page.getByRole('button', { name: 'See my total' }).click();
    await expect.poll(() => page.getByText('Please answer every statement; 10 still need an answer.').count()).toBe(1);
    // Focus lands on the first unanswered statement.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('answers.0');
    const groups = page.getByRole('radiogroup');
    expect(await groups.count()).toBe(10);
    for (let i = 0; i < 10; i += 1) {
      await groups
        .nth(i)
        .getByRole('radio', { name: i < 7 ? 'Agree' : 'Strongly agree', exact: true })
        .check();
    }
    await page.getByRole('button', { name: 'See my total' }).click();
    // 7 × 5 + 3 × 6 = 53
    await expect.poll(() => page.getByRole('heading', { name: 'Your total: 53 out of 60' }).count()).toBe(1);
    expect(await page.getByText(/It is not a grade/).count()).toBe(1);
    await expect.poll(() => page.getByText('One result so far: 53').count()).toBe(1);
    await checkPage('26-barc10-result');
  });

  it('reaches the safety plan in one tap from another page', async () => {
    await goTo(page, 'Privacy');
    await expect.poll(heading).toBe('Privacy');
    await page.getByRole('banner').getByRole('link', { name: 'My safety plan' }).click();
    await expect.poll(heading).toBe('My safety plan');
    expect(await page.getByText('My daughter Maya and my dog Pip').count()).toBe(1);
  });

  it('SOS tells the truth before pressing: nobody holds the permission yet, so it points to the crisis lines', async () => {
    await page.getByRole('button', { name: 'Send SOS' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Alert the people you chose?' });
    await expect.poll(() => dialog.getByText('Nobody holds your “SOS” permission yet', { exact: false }).count()).toBe(1);
    expect(await dialog.getByText('Everyone you gave', { exact: false }).count()).toBe(0);
    expect(await dialog.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('link', { name: 'Choose someone in Privacy' }).count()).toBe(1);
    expect(await seriousA11yViolations(page), 'accessibility of the SOS confirmation').toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('opens the last saved plan when the network is down, from the installed app shell', async () => {
    // The service worker precaches the app shell only; the plan itself comes from IndexedDB, never Cache Storage.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A page loaded before the worker was installed is not controlled by it; the next load is.
    await page.reload();
    await expect.poll(() => page.getByText('Not sleeping').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByText('You are offline; this is your plan as last saved.').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText('Not sleeping').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Call 988' }).first().getAttribute('href')).toBe('tel:988');
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
    const cachedApi = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls.filter((url) => url.includes('/api/'));
    });
    expect(cachedApi).toEqual([]);
    await checkPage('27-safety-plan-offline');
    // Any other page opened offline offers the plan in one tap.
    await page.goto(`${server.url}/privacy`);
    await expect.poll(heading, { timeout: 10_000 }).toBe('Kinship is not reachable right now');
    await page.getByRole('link', { name: 'My safety plan' }).click();
    await expect.poll(() => page.getByText('You are offline; this is your plan as last saved.').count()).toBe(1);
    await context.setOffline(false);
    await page.goto(`${server.url}/`);
    await expect.poll(heading).toBe(`Welcome, ${PERSON.alias}`);
  });

  it('writes a recovery plan and keeps its versions', async () => {
    await goTo(page, 'Recovery plan');
    await expect.poll(heading).toBe('My recovery plan');
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('Area of life').selectOption('housing');
    await page.getByLabel('Goal', { exact: true }).fill('Move into a sober house');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByLabel('Step 1', { exact: true }).fill('Call two houses');
    await page.getByRole('checkbox', { name: 'Step 1 done' }).check();
    await page.getByRole('button', { name: 'Add a coping strategy' }).click();
    await page.getByLabel('Coping strategy 1').fill('Text my sponsor');
    await page.getByRole('button', { name: 'Add a trigger' }).click();
    await page.getByLabel('Trigger', { exact: true }).fill('Payday');
    await page.getByRole('checkbox', { name: 'Text my sponsor' }).check();
    await page.getByRole('button', { name: 'Add a support person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Jordan');
    await checkPage('28-recovery-plan-edit');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.getByText('Saved as version 1.').count()).toBe(1);
    await page.getByLabel('Status').selectOption('in_progress');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.getByText('Saved as version 2.').count()).toBe(1);
    await expect.poll(() => page.getByText('Goals: 1 changed').count()).toBe(1);
    await page.getByRole('button', { name: 'View version 1' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Version 1 (read only)' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('dialog').getByText('Not started').count()).toBe(1);
    await checkPage('29-recovery-plan-version');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    // Saved from another tab meanwhile: this tab's save is refused kindly and the latest version is loaded.
    const other = await context.newPage();
    await other.goto(`${server.url}/plan`);
    await other.getByLabel('Coping strategy 1').fill('Text my sponsor or call Jordan');
    await other.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => other.getByText('Saved as version 3.').count()).toBe(1);
    await other.close();
    await page.getByLabel('Name', { exact: true }).fill('Jordan B');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.getByText(/Your plan was changed somewhere else/).count()).toBe(1);
    expect(await page.getByLabel('Coping strategy 1').inputValue()).toBe('Text my sponsor or call Jordan');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Jordan');
  });

  it('clears what was kept offline at sign-out', async () => {
    expect(await offlineKeys()).toContain('safety-plan');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(heading).toBe('Sign in');
    await expect.poll(offlineKeys).toEqual([]);
  });

  it('checked every page it reached', () => {
    expect(pagesChecked.length).toBeGreaterThanOrEqual(9);
  });
});
