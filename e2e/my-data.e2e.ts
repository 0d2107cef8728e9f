import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCapture, completeFirstRun, launchBrowser, PHONE, type RunningServer, SCREENSHOTS, startServer } from './support.ts';

const ADMIN = { email: 'lead@cove.example.org', password: 'calm cove under stars', alias: 'Cove Lead' };
const MEMBER = { email: 'jo@cove.example.org', password: 'one honest day at a time', alias: 'Jo K' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function checkPage(page: Page, name: string) {
  await checkAndCapture(page, `my-data-${name}`);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** A JSON API call from inside the page, with its cookies and CSRF token, as the web client makes it. */
async function api(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await (await fetch('/api/session')).json();
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, url, body },
  );
}

async function deleteThroughForm(page: Page, password: string) {
  await page.getByLabel('Your password').fill(password);
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete my account', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete your account?' });
  await expect.poll(() => dialog.count()).toBe(1);
  await dialog.getByRole('button', { name: 'Yes, delete my account' }).click();
}

describe('my data: download everything, delete the account', () => {
  let inviteLink = '';

  it('lets the admin download their data as a JSON file, and refuses to delete the last admin', async () => {
    const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => heading(page)).toBe('Set up Kinship');
    await completeFirstRun(page, 'Cove Recovery Community', ADMIN);
    await expect.poll(() => heading(page)).toBe(`Welcome, ${ADMIN.alias}`);

    await page.goto(`${server.url}/security`);
    await expect.poll(() => page.getByRole('heading', { name: 'My data', exact: true }).count()).toBe(1);
    await checkPage(page, '01-security');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^kinship-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = JSON.parse(readFileSync(file, 'utf8'));
    expect(data).toMatchObject({ format: 'kinship-export', version: 1, account: { email: ADMIN.email }, profile: { alias: ADMIN.alias } });
    expect(readFileSync(file, 'utf8')).not.toContain('$argon2');

    await deleteThroughForm(page, ADMIN.password);
    await expect.poll(() => page.getByText(/You are the only admin/).count()).toBeGreaterThan(0);
    expect(await heading(page)).toBe('Security');

    // Invite a member (the outbox holds the link without SMTP).
    expect((await api(page, 'POST', '/api/admin/invites', { email: MEMBER.email, roles: ['member'] })).status).toBe(201);
    const outbox = await api(page, 'GET', '/api/admin/outbox');
    const text = (outbox.body as { to: string; text: string }[]).find((m) => m.to === MEMBER.email)?.text ?? '';
    inviteLink = /(http:\/\/\S+\/accept-invite#token=[\w-]+)/.exec(text)?.[1] ?? '';
    expect(inviteLink).toContain(server.url);
    await context.close();
  });

  it('deletes a member’s account after the password, DELETE and a confirmation, then says goodbye on sign-in', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(inviteLink);
    await expect.poll(() => page.getByRole('button', { name: 'Create account' }).count()).toBe(1);
    await page.getByLabel('Community alias').fill(MEMBER.alias);
    await page.getByLabel('Password').fill(MEMBER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => heading(page)).toBe(`Welcome, ${MEMBER.alias}`);

    await page.goto(`${server.url}/security`);
    await expect.poll(() => page.getByRole('heading', { name: 'Delete my account', exact: true }).count()).toBe(1);

    // A wrong password is refused next to the field; nothing happens.
    await deleteThroughForm(page, 'not my password at all');
    await expect.poll(() => page.getByText('Not your password').count()).toBeGreaterThan(0);

    await deleteThroughForm(page, MEMBER.password);
    await expect.poll(() => heading(page)).toBe('Sign in');
    await expect.poll(() => page.getByText(/Your account is deleted/).count()).toBe(1);
    await checkPage(page, '02-goodbye');

    // The account cannot sign in again.
    await page.getByLabel('Email').fill(MEMBER.email);
    await page.getByLabel('Password').fill(MEMBER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('That email and password do not match. Please try again.').count()).toBeGreaterThan(0);
    await context.close();
  });
});
