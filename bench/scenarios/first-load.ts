import type { Page } from 'playwright-core';
import { resetDatabase, seedPool } from '../lib/database.ts';
import { seedDirectory } from '../lib/meetings-data.ts';
import { buildClient } from '../lib/page-weight.ts';
import { setUpOrganization } from '../lib/seed.ts';
import { startKinship } from '../lib/servers.ts';
import { launchChromium, loadOnSlowPhone, type OnScreen, SLOW_PHONE, whenOnScreen } from '../lib/slow-phone.ts';
import type { Scenario } from '../lib/types.ts';

const DIRECTORY = 10_000;
/** The crisis line the organization is set up with (lib/seed.ts): it must come from the settings, not a default. */
const CRISIS_LINE = '988 Lifeline';
const GOALS = { crisis_visible_ms: 2_500, usable_ms: 6_000, transferred_kb: 150 };

const HELP: OnScreen = { selector: 'a, button', text: 'Get help now' };
const CRISIS: OnScreen = { selector: 'li, p', text: CRISIS_LINE };
/** When each page is usable: the finder's first result; the sign-in form's fields and button (drawn by the client). */
const PAGES: { page: string; usable: OnScreen[] }[] = [
  { page: '/meetings', usable: [{ selector: 'main .card-list > li', text: '' }] },
  {
    page: '/sign-in',
    usable: [
      { selector: 'main form input[type=email]', text: '' },
      { selector: 'main form input[type=password]', text: '' },
      { selector: 'main form button[type=submit]', text: 'Sign in' },
    ],
  },
];

const rounded = (ms: number | null) => (ms === null ? null : Math.round(ms));

/** With scripts off, once the HTML has loaded: are the help link and the organization's crisis line on the screen? */
async function helpWithoutScript(page: Page): Promise<boolean> {
  await page.waitForLoadState('load', { timeout: 60_000 });
  const help = page.getByRole('link', { name: HELP.text }).first();
  return (await help.isVisible()) && (await page.getByText(CRISIS_LINE).first().isVisible());
}

export const firstLoad: Scenario = {
  name: 'first-load',
  summary: `/meetings and /sign-in on a slow phone (slow 3G: ${SLOW_PHONE.latencyMs} ms, ${SLOW_PHONE.bytesPerSecond * 8} bit/s each way, CPU ÷${SLOW_PHONE.cpuSlowdown}, cold cache) through the real server, bytes as Chromium received them; baseline a static file of the same server`,
  async run(bench) {
    await resetDatabase(bench.databaseUrl);
    buildClient();
    const kinship = await startKinship(bench, { databaseUrl: bench.databaseUrl });
    await setUpOrganization(kinship.url);
    const size = await seedDirectory(bench.databaseUrl, seedPool(bench, bench.databaseUrl), DIRECTORY);
    bench.log(`seeded ${size} meetings`);
    const browser = await launchChromium();
    bench.defer(() => browser.close());

    // The bare baseline: the smallest file the same server sends, under the same emulation.
    const baseline = await loadOnSlowPhone(browser, `${kinship.url}/favicon.svg`, (page) =>
      page.waitForLoadState('load').then(() => page.evaluate(() => performance.getEntriesByType('navigation')[0]?.duration ?? null)),
    );
    const baselineMs = rounded(baseline.ready);
    if (!baselineMs) throw new Error('the baseline file never loaded');
    bench.log(`baseline: ${baselineMs} ms for a static file`);

    for (const { page: pagePath, usable } of PAGES) {
      const url = `${kinship.url}${pagePath}`;
      // Without JavaScript the HTML alone must show the help and the organization's crisis lines.
      const withoutScript = await loadOnSlowPhone(browser, url, helpWithoutScript, { javaScript: false });
      const load = await loadOnSlowPhone(browser, url, (page) =>
        Promise.all([whenOnScreen(page, [HELP]), whenOnScreen(page, [HELP, CRISIS]), whenOnScreen(page, usable)]),
      );
      const [help, crisis, ready] = load.ready;
      const figures = { crisis_visible_ms: rounded(crisis), usable_ms: rounded(ready), transferred_kb: load.transferred.jsCssKb };
      bench.log(`${pagePath}: ${JSON.stringify(figures)}`);
      bench.report({
        scenario: 'first-load',
        page: pagePath,
        ...figures,
        help_visible_ms: rounded(help),
        crisis_visible_without_js: withoutScript.ready,
        total_kb: load.transferred.totalKb,
        requests: load.transferred.requests,
        js_css_encodings: Object.entries(load.transferred.encodings)
          .map(([encoding, count]) => `${encoding}:${count}`)
          .join(' '),
        baseline_ms: baselineMs,
        baseline_kb: baseline.transferred.totalKb,
        ratio: figures.crisis_visible_ms === null ? undefined : Math.round((figures.crisis_visible_ms / baselineMs) * 100) / 100,
        goal_crisis_visible_ms: GOALS.crisis_visible_ms,
        goal_usable_ms: GOALS.usable_ms,
        goal_transferred_kb: GOALS.transferred_kb,
        meetings: size,
      });
    }
  },
};
