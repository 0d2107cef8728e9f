import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { CrisisLine } from '../../shared/contracts/organization.ts';
import { assertShellTemplate, languageFiles, renderShell, shellLanguage } from './app-shell.ts';

/**
 * Serves the built web client. Any page address gets the app shell (client-side routes), rendered with the
 * organization's crisis lines (app-shell.ts); files are sent as the build's brotli or gzip copy when the
 * browser accepts one. Source maps are never served, even if a build left some behind.
 */
export async function registerClient(app: FastifyInstance, clientDir: string, crisisLines: () => Promise<CrisisLine[]>) {
  const root = path.resolve(clientDir);
  const template = readFileSync(path.join(root, 'index.html'), 'utf8');
  assertShellTemplate(template);
  const manifestFile = path.join(root, '.vite', 'manifest.json');
  const languages = languageFiles(existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null);
  await app.register(fastifyStatic, {
    root,
    serve: false,
    index: false,
    // scripts/build-client.ts writes <file>.br and <file>.gz beside each compressible file.
    preCompressed: true,
    setHeaders(reply, filePath) {
      // Hashed assets never change; the service worker and other files must always be revalidated.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/')) return reply.callNotFound();
    const candidate = urlPath.replace(/^\/+/, '');
    if (candidate.endsWith('.map')) return reply.callNotFound();
    if (candidate && candidate !== 'index.html' && path.extname(candidate)) return reply.sendFile(candidate);
    // The shell (also as /index.html, which the service worker keeps for offline starts).
    const language = shellLanguage(request.headers['accept-language']);
    return reply
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Language')
      .type('text/html; charset=utf-8')
      .send(renderShell(template, await crisisLines(), language, languages[language]));
  });
}
