import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';

/**
 * A cheap phone on a slow network, as issue 11 measured it: slow 3G (400 ms latency, 400 kbit/s each
 * way), the CPU slowed 4×, a 390×844 screen, an empty cache. Applied through the Chrome DevTools
 * Protocol, so Chromium itself delays and throttles every byte of the page.
 */
export const SLOW_PHONE = {
  latencyMs: 400,
  bytesPerSecond: 400_000 / 8,
  cpuSlowdown: 4,
  viewport: { width: 390, height: 844 },
} as const;

/** What the page's own network carried, from Chromium's Network.loadingFinished (bytes on the wire, headers included). */
export interface Transferred {
  /** JavaScript and CSS, in kB (1,000 bytes). */
  jsCssKb: number;
  /** Everything the page loaded (document, scripts, styles, API answers, images), in kB. */
  totalKb: number;
  requests: number;
  /** Content-Encoding of the scripts and styles as sent ("br", "gzip", "none"), with how many of each. */
  encodings: Record<string, number>;
}

export interface SlowLoad<T> {
  /** What `ready` answered. */
  ready: T;
  transferred: Transferred;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

async function emulateSlowPhone(cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: SLOW_PHONE.latencyMs,
    downloadThroughput: SLOW_PHONE.bytesPerSecond,
    uploadThroughput: SLOW_PHONE.bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
}

/** Counts the bytes Chromium received for each request of the page, by the kind of resource it was. */
function countTransfers(cdp: CDPSession) {
  const kinds = new Map<string, { type: string; encoding: string }>();
  const totals = { jsCss: 0, all: 0, requests: 0 };
  const encodings: Record<string, number> = {};
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    kinds.set(event.requestId, { type: event.type, encoding: headers['content-encoding'] ?? 'none' });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const kind = kinds.get(event.requestId);
    totals.all += event.encodedDataLength;
    totals.requests += 1;
    if (kind && (kind.type === 'Script' || kind.type === 'Stylesheet')) {
      totals.jsCss += event.encodedDataLength;
      encodings[kind.encoding] = (encodings[kind.encoding] ?? 0) + 1;
    }
  });
  return (): Transferred => ({
    jsCssKb: Math.round(totals.jsCss / 100) / 10,
    totalKb: Math.round(totals.all / 100) / 10,
    requests: totals.requests,
    encodings: { ...encodings },
  });
}

/**
 * Opens `url` in a fresh context (empty cache, service workers blocked: their background precache is not
 * the page's first load) on the slow phone, waits for `ready` (which watches the page from the moment the
 * navigation commits), then lets the network go quiet before totalling what was transferred.
 */
export async function loadOnSlowPhone<T>(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<T>,
  options: { javaScript?: boolean } = {},
): Promise<SlowLoad<T>> {
  const context = await browser.newContext({
    viewport: SLOW_PHONE.viewport,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    serviceWorkers: 'block',
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'en-US',
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await emulateSlowPhone(cdp);
    const transferred = countTransfers(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    const answer = await ready(page);
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    return { ready: answer, transferred: transferred() };
  } finally {
    await context.close();
  }
}

/** Something that must be on the first screen: an element matching `selector` whose text contains `text`. */
export interface OnScreen {
  selector: string;
  text: string;
}

/**
 * performance.now() when every one of `wanted` is on the first screen (checked in the page every animation
 * frame; frames only run once something is painted), or null after `timeoutMs`. A function, not a string:
 * the server's Content-Security-Policy forbids eval.
 */
export async function whenOnScreen(page: Page, wanted: readonly OnScreen[], timeoutMs = 60_000): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      (all: readonly OnScreen[]) =>
        all.every(({ selector, text }) =>
          [...document.querySelectorAll(selector)].some((element) => {
            if (!element.textContent?.includes(text) || !element.checkVisibility()) return false;
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && box.top < innerHeight;
          }),
        )
          ? performance.now()
          : false,
      wanted,
      { polling: 'raf', timeout: timeoutMs },
    );
    return Number(await handle.jsonValue());
  } catch (error) {
    if (process.env.BENCH_VERBOSE === '1') process.stderr.write(`waiting for ${JSON.stringify(wanted)}: ${String(error)}\n`);
    return null;
  }
}
