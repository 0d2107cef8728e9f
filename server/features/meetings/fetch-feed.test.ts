import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingGuideFeed } from '../../test/field-data.ts';
import { FeedFetchError, fetchFeed } from './fetch-feed.ts';

const feedText = readFileSync(meetingGuideFeed('kc.test.json'), 'utf8');
const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const FIFTY_MB = 50 * 1024 * 1024;
let sentOfHuge = 0;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
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
      default:
        response.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  return (error as Error).message;
};

describe('fetchFeed', () => {
  it('returns the text of a feed, following a redirect', async () => {
    expect(await fetchFeed(`${base}/feed.json`)).toBe(feedText);
    expect(await fetchFeed(`${base}/redirect`)).toBe(feedText);
  });

  it('gives up on a server that does not answer in time, headers or body', async () => {
    const started = performance.now();
    expect(await failure(fetchFeed(`${base}/slow-headers`, { timeoutMs: 300 }))).toBe('The feed did not arrive within 0.3 s');
    expect(await failure(fetchFeed(`${base}/slow-body`, { timeoutMs: 300 }))).toBe('The feed did not arrive within 0.3 s');
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('refuses a feed larger than the limit, declared or streamed, without reading it all', async () => {
    expect(await failure(fetchFeed(`${base}/declared-huge`))).toBe('The feed is larger than 20 MB; refused');
    expect(await failure(fetchFeed(`${base}/huge`))).toBe('The feed is larger than 20 MB; refused');
    expect(sentOfHuge).toBeLessThan(FIFTY_MB);
    expect(await failure(fetchFeed(`${base}/feed.json`, { maxBytes: 1000 }))).toBe('The feed is larger than 1 KB; refused');
  });

  it('refuses other schemes, bad URLs, error statuses and unreachable hosts', async () => {
    expect(await failure(fetchFeed('file:///etc/passwd'))).toBe('Only http and https feed URLs are allowed');
    expect(await failure(fetchFeed('ftp://example.org/feed.json'))).toBe('Only http and https feed URLs are allowed');
    expect(await failure(fetchFeed('not a url'))).toBe('Not a URL: "not a url"');
    expect(await failure(fetchFeed(`${base}/missing`))).toBe('The feed answered HTTP 404');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(fetchFeed(`http://127.0.0.1:${port}/feed.json`))).toMatch(/^Could not fetch the feed: /);
  });
});
