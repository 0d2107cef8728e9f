import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PHONE, type RunningServer, seriousA11yViolations, startServer } from './support.ts';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the first screen, before and without JavaScript', () => {
  it('shows "Get help now" and the crisis lines from the HTML alone', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const address of ['/meetings', '/sign-in']) {
      await page.goto(`${server.url}${address}`);
      const help = page.getByRole('link', { name: 'Get help now' });
      await expect(help.isVisible()).resolves.toBe(true);
      // Before setup the organization has no lines of its own yet: the defaults, as the client shows them.
      await expect(page.getByText('988 Suicide & Crisis Lifeline').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: 'Call 988' }).getAttribute('href')).resolves.toBe('tel:988');
      // (Chromium with scripts turned off from outside still parses <noscript> as scripting-on, so only its presence is checked.)
      await expect(page.content()).resolves.toContain('<noscript><p>The rest of Kinship needs JavaScript');
      await help.click();
      expect(new URL(page.url()).hash).toBe('#crisis-lines');
    }
    await context.close();
  });

  it('is accessible while the scripts are still on their way', async () => {
    // Scripts held back by the network (axe itself runs: Playwright injects it, not the page).
    const context = await browser.newContext({ viewport: PHONE });
    await context.route('**/assets/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await expect(page.getByRole('link', { name: 'Get help now' }).isVisible()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('is replaced by the client, not shown twice', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/meetings`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Set up Kinship');
    await expect(page.locator('#crisis-lines').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Get help now' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Get help now' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Get help now' }).click();
    await expect(page.getByRole('dialog').getByText('988 Suicide & Crisis Lifeline').isVisible()).resolves.toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
