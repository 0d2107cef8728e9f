import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';

/** Where a local test server listens; filled in before the file's tests run. */
export interface LocalServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
}

/**
 * An HTTP server on 127.0.0.1 for the tests of one file: listening on a free port before they run,
 * closed after them.
 */
export function serveForTests(handler: RequestListener): LocalServer {
  const server = createServer(handler);
  const local = { port: 0, url: '' };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    local.port = (server.address() as AddressInfo).port;
    local.url = `http://127.0.0.1:${local.port}`;
  });
  afterAll(async () => {
    // Open connections too: a response a test gave up on (a slow or endless one) would hold the close.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return local;
}

/** The message of the error a promise is rejected with, once the error is checked to be of `type`. */
export async function rejectionMessage(promise: Promise<unknown>, type: abstract new (...args: never[]) => Error): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return (error as Error).message;
}
