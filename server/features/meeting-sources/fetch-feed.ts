import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { isPrivateAddress } from './private-address.ts';

/** A feed that could not be fetched; the message says why, for the person importing it. */
export class FeedFetchError extends Error {}

/** Larger than any real feed (a 2,000-meeting feed is about 4 MB). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 30_000;
export const MAX_FEED_REDIRECTS = 3;

export interface FetchFeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Loopback, LAN, link-local and other non-public addresses are refused unless this is true
   * (MEETING_FEEDS_FROM_PRIVATE_HOSTS, or the operator's own command line).
   */
  allowPrivateHosts?: boolean;
}

export const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
const tooLarge = (maxBytes: number) => new FeedFetchError(`The feed is larger than ${sizeOf(maxBytes)}; refused`);

function parseFeedUrl(url: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    throw new FeedFetchError(`Not a URL: ${JSON.stringify(url.slice(0, 200))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedFetchError('Only http and https feed URLs are allowed');
  return parsed;
}

/**
 * The address to connect to: resolved once, every answer checked, and the checked one is the one
 * used (the request's `lookup` returns it), so a second DNS answer cannot swap in a private address.
 */
async function addressOf(url: URL, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let answers: { address: string; family: number }[];
  if (isIP(host)) answers = [{ address: host, family: isIP(host) }];
  else {
    try {
      answers = await dnsLookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new FeedFetchError(
        `Could not fetch the feed: the host ${host} was not found (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`,
      );
    }
  }
  const first = answers[0];
  if (!first) throw new FeedFetchError(`Could not fetch the feed: the host ${host} has no address`);
  if (!allowPrivate && answers.some((answer) => isPrivateAddress(answer.address))) {
    throw new FeedFetchError(
      `The feed's host ${host} is on a private or local network; refused (an operator can allow it with MEETING_FEEDS_FROM_PRIVATE_HOSTS=on)`,
    );
  }
  return first;
}

function pinnedLookup(address: string, family: number): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function request(url: URL, pinned: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, {
      method: 'GET',
      signal,
      lookup: pinnedLookup(pinned.address, pinned.family),
      headers: { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'Kinship meeting import' },
    });
    outgoing.on('response', resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const parts: Buffer[] = [];
  let received = 0;
  // Counted after decompression: a small compressed body cannot expand past the limit.
  for await (const chunk of decoded(response)) {
    received += (chunk as Buffer).byteLength;
    if (received > maxBytes) throw tooLarge(maxBytes);
    parts.push(chunk as Buffer);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(parts));
}

/**
 * Fetches a Meeting Guide feed's text over http(s), giving up after `timeoutMs` (headers and body
 * together) and as soon as more than `maxBytes` arrive. Follows at most three redirects, checking
 * each new host like the first.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => new FeedFetchError(`The feed did not arrive within ${timeoutMs / 1000} s`);
  let target = parseFeedUrl(url);
  let response: IncomingMessage | null = null;
  try {
    for (let redirects = 0; ; redirects++) {
      const pinned = await addressOf(target, options.allowPrivateHosts ?? false);
      if (signal.aborted) throw timedOut();
      try {
        response = await request(target, pinned, signal);
      } catch (error) {
        if (signal.aborted) throw timedOut();
        throw new FeedFetchError(`Could not fetch the feed: ${(error as Error).message}`);
      }
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        if (redirects >= MAX_FEED_REDIRECTS) throw new FeedFetchError(`The feed redirected more than ${MAX_FEED_REDIRECTS} times; refused`);
        target = parseFeedUrl(location, target);
        continue;
      }
      if (status < 200 || status >= 300) throw new FeedFetchError(`The feed answered HTTP ${status}`);
      return await readBody(response, maxBytes);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (signal.aborted) throw timedOut();
    throw new FeedFetchError(`The feed broke off: ${(error as Error).message}`);
  } finally {
    response?.destroy();
  }
}
