import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectionMessage, serveForTests } from '../../test/local-server.ts';

// A test cannot reach a public host, so 127.0.0.1 plays one here: the classification treats it as
// public and every other loopback address as private, and the resolver answers for made-up names.
vi.mock('./private-address.ts', () => ({ isPrivateAddress: (address: string) => address !== '127.0.0.1' }));
const answers = new Map<string, { address: string; family: number }[]>();
vi.mock('node:dns/promises', () => ({
  lookup: async (host: string) => {
    const found = answers.get(host);
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found;
  },
}));

const { FeedFetchError, fetchFeed } = await import('./fetch-feed.ts');

const local = serveForTests((request, response) => {
  if (request.url === '/feed.json') response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  else if (request.url === '/to-private') response.writeHead(302, { location: `http://127.0.0.2:${local.port}/feed.json` }).end();
  else if (request.url === '/to-private-name') response.writeHead(301, { location: `http://intranet.test:${local.port}/feed.json` }).end();
  else if (request.url === '/to-public-name') response.writeHead(307, { location: `http://feeds.test:${local.port}/feed.json` }).end();
  else response.writeHead(404).end();
});
beforeAll(() => {
  answers.set('feeds.test', [{ address: '127.0.0.1', family: 4 }]);
  answers.set('intranet.test', [{ address: '127.0.0.2', family: 4 }]);
  // One public and one private answer: refused, whichever the connection would have used.
  answers.set('mixed.test', [
    { address: '127.0.0.1', family: 4 },
    { address: '10.1.2.3', family: 4 },
  ]);
});
const failure = (promise: Promise<unknown>) => rejectionMessage(promise, FeedFetchError);

describe('fetchFeed and the addresses it connects to', () => {
  it('connects to the address it checked (the name is never resolved a second time)', async () => {
    // The system resolver does not know feeds.test: only the checked answer can have been used.
    expect(await fetchFeed(`http://feeds.test:${local.port}/feed.json`)).toBe('[]');
    expect(await fetchFeed(`http://127.0.0.1:${local.port}/to-public-name`)).toBe('[]');
  });

  it('re-checks every redirect: a public feed that redirects to a private address is refused', async () => {
    expect(await failure(fetchFeed(`http://127.0.0.1:${local.port}/to-private`))).toMatch(
      /127\.0\.0\.2 is on a private or local network; refused/,
    );
    expect(await failure(fetchFeed(`http://feeds.test:${local.port}/to-private-name`))).toMatch(/intranet\.test is on a private/);
  });

  it('refuses a name with any private answer, and an unknown name clearly', async () => {
    expect(await failure(fetchFeed(`http://mixed.test:${local.port}/feed.json`))).toMatch(/mixed\.test is on a private/);
    expect(await failure(fetchFeed(`http://nowhere.test:${local.port}/feed.json`))).toMatch(
      /the host nowhere\.test was not found \(ENOTFOUND\)/,
    );
  });

  it('allows them all when the operator allows private hosts', async () => {
    // It gets as far as connecting to 127.0.0.2 (where nothing listens).
    expect(await failure(fetchFeed(`http://127.0.0.1:${local.port}/to-private`, { allowPrivateHosts: true }))).toBe(
      `Could not fetch the feed: connect ECONNREFUSED 127.0.0.2:${local.port}`,
    );
    expect(
      await fetchFeed(`http://intranet.test:${local.port}/feed.json`, { allowPrivateHosts: true }).catch((e: Error) => e.message),
    ).toMatch(/ECONNREFUSED 127\.0\.0\.2/);
  });
});
