import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { rejectionMessage, serveForTests } from '../../test/local-server.ts';
import { FeedFetchError, fetchFeed } from './fetch-feed.ts';

const feedText = readFileSync(meetingGuideFeed('kc.test.json'), 'utf8');
const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const FIFTY_MB = 50 * 1024 * 1024;
let sentOfHuge = 0;
/** The test server is on loopback: allowed only as an operator would allow it. */
const LOCAL = { allowPrivateHosts: true };

const local = serveForTests((request, response) => {
  switch (request.url) {
    case '/feed.json':
      response.writeHead(200, { 'content-type': 'application/json' }).end(feedText);
      return;
    case '/slow-headers':
      setTimeout(() => response.writeHead(200).end('[]'), 3000).unref();
      return;
    case '/slow-body':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[{"slug": "a", ');
      return; // never finishes
    case '/declared-huge':
      response.writeHead(200, { 'content-length': String(FIFTY_MB) });
      response.write(CHUNK);
      return;
    case '/huge': {
      // 50 MB streamed without a length: the client must stop reading on its own.
      response.writeHead(200, { 'content-type': 'application/json' });
      sentOfHuge = 0;
      const pump = () => {
        while (sentOfHuge < FIFTY_MB) {
          sentOfHuge += CHUNK.length;
          if (!response.write(CHUNK)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
      return;
    }
    case '/redirect':
      response.writeHead(302, { location: '/feed.json' }).end();
      return;
    case '/loop':
      response.writeHead(302, { location: '/loop' }).end();
      return;
    case '/gzip':
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(feedText));
      return;
    default:
      response.writeHead(404).end('not here');
  }
});

const failure = (promise: Promise<unknown>) => rejectionMessage(promise, FeedFetchError);

describe('fetchFeed', () => {
  it('returns the text of a feed, following a redirect', async () => {
    expect(await fetchFeed(`${local.url}/feed.json`, LOCAL)).toBe(feedText);
    expect(await fetchFeed(`${local.url}/redirect`, LOCAL)).toBe(feedText);
  });

  it('gives up on a server that does not answer in time, headers or body', async () => {
    const started = performance.now();
    expect(await failure(fetchFeed(`${local.url}/slow-headers`, { ...LOCAL, timeoutMs: 300 }))).toBe(
      'The feed did not arrive within 0.3 s',
    );
    expect(await failure(fetchFeed(`${local.url}/slow-body`, { ...LOCAL, timeoutMs: 300 }))).toBe('The feed did not arrive within 0.3 s');
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('refuses a feed larger than the limit, declared or streamed, without reading it all', async () => {
    expect(await failure(fetchFeed(`${local.url}/declared-huge`, LOCAL))).toBe('The feed is larger than 20 MB; refused');
    expect(await failure(fetchFeed(`${local.url}/huge`, LOCAL))).toBe('The feed is larger than 20 MB; refused');
    expect(sentOfHuge).toBeLessThan(FIFTY_MB);
    expect(await failure(fetchFeed(`${local.url}/feed.json`, { ...LOCAL, maxBytes: 1000 }))).toBe('The feed is larger than 1 KB; refused');
  });

  it('refuses other schemes, bad URLs, error statuses and unreachable hosts', async () => {
    expect(await failure(fetchFeed('file:///etc/passwd'))).toBe('Only http and https feed URLs are allowed');
    expect(await failure(fetchFeed('ftp://example.org/feed.json'))).toBe('Only http and https feed URLs are allowed');
    expect(await failure(fetchFeed('not a url'))).toBe('Not a URL: "not a url"');
    expect(await failure(fetchFeed(`${local.url}/missing`, LOCAL))).toBe('The feed answered HTTP 404');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(fetchFeed(`http://127.0.0.1:${port}/feed.json`, LOCAL))).toMatch(/^Could not fetch the feed: /);
  });

  it('follows at most three redirects and decompresses gzip', async () => {
    expect(await failure(fetchFeed(`${local.url}/loop`, LOCAL))).toBe('The feed redirected more than 3 times; refused');
    expect(await fetchFeed(`${local.url}/gzip`, LOCAL)).toBe(feedText);
  });
});

describe('fetchFeed refuses private and local hosts unless allowed', () => {
  it('refuses the loopback server by address and by name when the setting is off, and reads it when on', async () => {
    for (const url of [
      `${local.url}/feed.json`,
      `http://localhost:${local.port}/feed.json`,
      `http://[::ffff:127.0.0.1]:${local.port}/feed.json`,
    ]) {
      expect(await failure(fetchFeed(url))).toMatch(/is on a private or local network; refused/);
    }
    expect(await fetchFeed(`${local.url}/feed.json`, { allowPrivateHosts: true })).toBe(feedText);
  });

  it('refuses private, link-local and metadata addresses before connecting', async () => {
    for (const host of ['10.0.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '[fd00::1]', '[::1]', '0.0.0.0']) {
      expect(await failure(fetchFeed(`http://${host}/feed.json`, { timeoutMs: 500 }))).toMatch(/private or local network/);
    }
  });
});
