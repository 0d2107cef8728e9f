import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
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

export interface Cast<Who extends string> {
  server: RunningServer;
  browser: Browser;
  /** The journey's own page is the admin's; everyone else has a browser context of their own. */
  pages: Record<'admin' | Who, Page>;
}

/**
 * A journey with several people: each gets their own browser context (cookies kept apart) with the
 * device and zone given, and ten seconds per action, room for a busy machine.
 */
export async function openCast<Who extends string>(windows: Record<Who, BrowserContextOptions>): Promise<Cast<Who>> {
  const { server, browser, page } = await openJourney();
  const pages = { admin: page } as Record<'admin' | Who, Page>;
  try {
    for (const [who, options] of Object.entries(windows) as [Who, BrowserContextOptions][]) {
      pages[who] = await (await browser.newContext(options)).newPage();
      pages[who].setDefaultTimeout(10_000);
    }
  } catch (error) {
    await closeCast({ server, browser });
    throw error;
  }
  return { server, browser, pages };
}

export async function closeCast({ server, browser }: Partial<Pick<Cast<string>, 'server' | 'browser'>>): Promise<void> {
  for (const context of browser?.contexts() ?? []) await context.close();
  await closeJourney({ server, browser });
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

/**
 * The first run on the admin's page, then each person accepts an invitation with the roles given in
 * their own page; everyone ends signed in.
 */
export async function setUpOrganization(
  admin: Page,
  url: string,
  organization: string,
  adminPerson: Person,
  people: [page: Page, person: Person, roles: string[]][],
): Promise<void> {
  const heading = () => admin.getByRole('heading', { level: 1 }).textContent();
  await admin.goto(url);
  await expect.poll(heading, { timeout: 10_000, interval: 100 }).toBe('Set up Kinship');
  await completeFirstRun(admin, organization, adminPerson);
  await expect.poll(heading, { timeout: 10_000, interval: 100 }).toBe(`Welcome, ${adminPerson.alias}`);
  for (const [page, person, roles] of people) await invitePerson(admin, page, person, roles);
}
