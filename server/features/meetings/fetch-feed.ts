/** A feed that could not be fetched; the message says why, for the person importing it. */
export class FeedFetchError extends Error {}

/** Larger than any real feed (a 2,000-meeting feed is about 4 MB). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 30_000;

export const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
const tooLarge = (maxBytes: number) => new FeedFetchError(`The feed is larger than ${sizeOf(maxBytes)}; refused`);

/**
 * Fetches a Meeting Guide feed's text over http(s), giving up after `timeoutMs` (headers and body
 * together) and as soon as more than `maxBytes` arrive.
 */
export async function fetchFeed(url: string, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FeedFetchError(`Not a URL: ${JSON.stringify(url.slice(0, 200))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedFetchError('Only http and https feed URLs are allowed');
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => new FeedFetchError(`The feed did not arrive within ${timeoutMs / 1000} s`);
  let response: Response;
  try {
    response = await fetch(parsed, { signal, redirect: 'follow', headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw timedOut();
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new FeedFetchError(`Could not fetch the feed: ${cause}`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FeedFetchError(`The feed answered HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (signal.aborted) throw timedOut();
    throw new FeedFetchError(`The feed broke off: ${(error as Error).message}`);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(parts));
}
