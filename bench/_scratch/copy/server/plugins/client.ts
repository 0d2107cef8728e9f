import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web client; any non-API path a person opens gets the app shell (client-side routes). */
export async function registerClient(app: FastifyInstance, clientDir: string) {
  await app.register(fastifyStatic, {
    root: path.resolve(clientDir),
    wildcard: false,
    index: false,
    setHeaders(reply, filePath) {
      // Hashed assets never change; the shell and service worker must always be revalidated.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/')) return reply.callNotFound();
    const candidate = urlPath.replace(/^\/+/, '');
    if (candidate && path.extname(candidate)) return reply.sendFile(candidate);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
