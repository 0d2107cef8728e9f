import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('e2e/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`node server/main.ts`) on a fresh embedded database, as `npm start` does;
 * `env` adds settings (MAP_TILE_URL …) for a journey that needs them.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kinship-e2e-'));
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      KINSHIP_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Runs axe on the page; returns the serious and critical violations (the ones that block people). */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
}

export const PHONE = { width: 390, height: 844 };

/** Fills the first-run screen: the organization and its first admin, who then lands signed in. */
export async function completeFirstRun(page: Page, organization: string, admin: { email: string; alias: string; password: string }) {
  await page.getByLabel('Organization name').fill(organization);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Community alias').fill(admin.alias);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
}

export interface Journey {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** A fresh server, Chromium and one phone-sized page: what every journey starts from. */
export async function openJourney(): Promise<Journey> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  return { server, browser, context, page };
}

export async function closeJourney(journey: Partial<Journey>): Promise<void> {
  await journey.context?.close();
  await journey.browser?.close();
  await journey.server?.stop();
}

/** Every page a person reaches is checked by axe and photographed at phone size (as `<name>.png`). */
export async function checkAndCapture(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await seriousA11yViolations(page), `accessibility of ${name}`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A JSON API call from inside the page, with its cookies and CSRF token, as the web client makes it. */
export async function pageApi(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
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

export interface Person {
  email: string;
  alias: string;
  password: string;
}

/**
 * Seeds one account the quick way: a signed-in admin's page invites it over the API, and the person
 * accepts the invitation in their own browser context (alias and password, as in the foundation journey),
 * landing signed in on the home page.
 */
export async function invitePerson(adminPage: Page, invitee: Page, person: Person, roles: string[]): Promise<void> {
  expect((await pageApi(adminPage, 'POST', '/api/admin/invites', { email: person.email, roles })).status).toBe(201);
  const outbox = await pageApi(adminPage, 'GET', '/api/admin/outbox');
  const text = (outbox.body as { to: string; text: string }[]).find((mail) => mail.to === person.email)?.text ?? '';
  const link = /(http:\/\/\S+\/accept-invite#token=[\w-]+)/.exec(text)?.[1] ?? '';
  expect(link, `invitation link for ${person.email}`).not.toBe('');
  await invitee.goto(link);
  await invitee.getByLabel('Community alias').fill(person.alias);
  await invitee.getByLabel('Password').fill(person.password);
  await invitee.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => invitee.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe(`Welcome, ${person.alias}`);
}

/**
 * Follows a link of the main navigation by its name. On a phone only the everyday places (Home,
 * Daily check-in, Messages) are in view; everything else is behind "Menu", which this opens first.
 */
export async function goTo(page: Page, name: string | RegExp): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', typeof name === 'string' ? { name, exact: true } : { name });
  if ((await link.count()) === 0) await nav.getByRole('button', { name: 'Menu' }).click();
  await link.first().click();
}
