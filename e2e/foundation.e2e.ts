import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, completeFirstRun, goTo, launchBrowser, PHONE, type RunningServer, SCREENSHOTS, startServer } from './support.ts';

const ADMIN = { email: 'lead@harbor.example.org', password: 'quiet harbor morning tide', alias: 'Harbor Lead' };
const MEMBER = { email: 'sam@harbor.example.org', password: 'steady steps every single day', alias: 'Sam R' };

let server: RunningServer;
let browser: Browser;
const pagesChecked: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every page a person reaches is checked by axe and photographed at phone size. */
async function checkPage(page: Page, name: string) {
  await checkAndCapture(page, `${name}`);
  pagesChecked.push(name);
}

describe('first run → invite → accept → sign in → privacy', () => {
  let inviteLink = '';

  it('sets up the organization and its first admin from the first-run screen', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up Kinship');
    await checkPage(page, '01-setup');

    await completeFirstRun(page, 'Harbor Recovery Community', ADMIN);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${ADMIN.alias}`);
    await checkPage(page, '02-home-admin');

    // Help is one tap away on every page.
    await page.getByRole('button', { name: 'Get help now' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    await checkPage(page, '03-crisis-help');
    await page.getByRole('button', { name: 'Close' }).click();

    await goTo(page, 'Admin');
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'People' }).click();
    await checkPage(page, '04-admin-people');
    await page.getByLabel('Email').fill(MEMBER.email);
    await page.getByRole('checkbox', { name: /^Member/ }).check();
    await page.getByRole('button', { name: 'Invite' }).click();
    await expect.poll(() => page.getByText(`Invitation sent to ${MEMBER.email}`).count()).toBeGreaterThan(0);

    // Without SMTP the invitation waits in the outbox, where the admin can copy the link.
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Outbox' }).click();
    await expect.poll(() => page.getByText(MEMBER.email).count()).toBeGreaterThan(0);
    await checkPage(page, '05-admin-outbox');
    const body = (await page.locator('main').textContent()) ?? '';
    inviteLink = /(http:\/\/\S+\/accept-invite#token=[\w-]+)/.exec(body)?.[1] ?? '';
    expect(inviteLink).toContain(server.url);
    await context.close();
  });

  it('lets the invited person accept, choose an alias and land signed in', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(inviteLink);
    await expect.poll(() => page.getByRole('button', { name: 'Create account' }).count()).toBe(1);
    await checkPage(page, '06-accept-invite');
    await page.getByLabel('Community alias').fill(MEMBER.alias);
    await page.getByLabel('Password').fill(MEMBER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${MEMBER.alias}`);
    // The token left the address bar once used.
    expect(page.url()).not.toContain('token=');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await context.close();
  });

  it('signs the member in and shows the privacy page: grants and who saw my data', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await checkPage(page, '07-sign-in');
    await page.getByLabel('Email').fill(MEMBER.email);
    await page.getByLabel('Password').fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('That email and password do not match').count()).toBeGreaterThan(0);
    await page.getByLabel('Password').fill(MEMBER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${MEMBER.alias}`);

    await goTo(page, 'Privacy');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Privacy');
    for (const section of ['Who can see my data', 'Share with someone', 'Who saw my data']) {
      expect(await page.getByRole('heading', { name: section }).count(), section).toBe(1);
    }
    await checkPage(page, '08-privacy-empty');

    // Share profile details with the admin, then take it back in one click.
    await page.getByLabel('Find a person').fill('Harbor');
    await page.getByRole('radio', { name: ADMIN.alias }).check();
    await page.getByRole('checkbox', { name: 'Profile details' }).check();
    await page.getByLabel('Why are you sharing?').fill('So my coach can help me plan');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.getByText(`You are now sharing with ${ADMIN.alias}.`).count()).toBeGreaterThan(0);
    await checkPage(page, '09-privacy-shared');

    // The admin opens what was shared; the read lands in the member's access log.
    const adminContext = await browser.newContext({ viewport: PHONE });
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${server.url}/sign-in`);
    await adminPage.getByLabel('Email').fill(ADMIN.email);
    await adminPage.getByLabel('Password').fill(ADMIN.password);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => adminPage.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${ADMIN.alias}`);
    await goTo(adminPage, 'Privacy');
    await adminPage.getByRole('link', { name: `View what ${MEMBER.alias} shared` }).click();
    await expect.poll(() => adminPage.getByText(`${MEMBER.alias} shared this with you.`).count()).toBeGreaterThan(0);
    await checkPage(adminPage, '10-person-shared');

    await page.reload();
    await expect.poll(() => page.getByText(`${ADMIN.alias} viewed Profile details`).count()).toBeGreaterThan(0);
    await checkPage(page, '11-privacy-access-log');

    // Revoking takes effect on the very next request.
    await page.getByRole('button', { name: 'Revoke' }).first().click();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => page.getByText('Revoked').count()).toBeGreaterThan(0);
    await adminPage.reload();
    await expect
      .poll(() => adminPage.getByText(`${MEMBER.alias} has not shared their profile details with you.`).count())
      .toBeGreaterThan(0);
    await adminContext.close();

    await goTo(page, 'Profile');
    await checkPage(page, '12-profile');
    await goTo(page, 'Security');
    await checkPage(page, '13-security');
    await context.close();
  });

  it('checked every page it reached', () => {
    expect(pagesChecked.length).toBeGreaterThanOrEqual(13);
  });
});
