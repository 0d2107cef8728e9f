import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT } from './servers.ts';

export interface PageWeight {
  /** Gzipped JavaScript and CSS the page loaded before it was idle, in kilobytes. */
  js_css_kb_gzip: number;
  files: number;
  /** The same uncompressed. */
  js_css_kb: number;
}

/** Builds the web client if its sources changed since the last build (as `npm start` does). */
export function buildClient(): void {
  const result = spawnSync(process.execPath, ['scripts/build-client.ts', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web client failed');
}

/**
 * Opens `url` in Chromium as a first-time visitor (empty cache, no service worker yet), waits until the
 * network is idle, and weighs the JavaScript and CSS the page itself asked for, each file gzipped at
 * the default level from the build (what a compressing server or CDN sends). The service worker's
 * background precache, which fills the offline cache after the page is shown, is not counted.
 */
export async function firstLoadWeight(url: string): Promise<PageWeight> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const assets = new Set<string>();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (/\.(js|css)$/.test(pathname)) assets.add(pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    let gzipped = 0;
    let raw = 0;
    for (const asset of assets) {
      const body = readFileSync(path.join(ROOT, 'dist', 'client', asset));
      raw += body.length;
      gzipped += gzipSync(body).length;
    }
    return { js_css_kb_gzip: Math.round(gzipped / 102.4) / 10, files: assets.size, js_css_kb: Math.round(raw / 102.4) / 10 };
  } finally {
    await browser.close();
  }
}
