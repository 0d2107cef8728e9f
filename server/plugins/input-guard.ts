import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/app-error.ts';

interface Node {
  value: unknown;
  parent: number;
  key: string;
}

/** Why a string cannot be stored, or null when it can. */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'Contains a NUL character';
  // A lone UTF-16 surrogate (half of an emoji, left by a clipboard or a cut at a fixed length) has no
  // UTF-8 form: jsonb refuses it and text would silently store U+FFFD instead.
  if (!text.isWellFormed()) return 'Contains a broken character (half of an emoji or symbol); retype it';
  return null;
}

/**
 * Where in a parsed body or query a string PostgreSQL cannot store hides (a NUL character or a lone
 * surrogate, in a value or a key), and why; null when there is none. Iterative (a 64 KiB body can
 * nest tens of thousands deep) and the path is only built for the hit.
 */
export function findUnstorableText(root: unknown, where: string): { path: string; message: string } | null {
  const nodes: Node[] = [{ value: root, parent: -1, key: where }];
  const pathOf = (index: number) => {
    const keys: string[] = [];
    for (let i = index; i >= 0; i = nodes[i]?.parent ?? -1) keys.unshift(nodes[i]?.key ?? '');
    return keys.join('.');
  };
  for (let index = 0; index < nodes.length; index++) {
    const value = nodes[index]?.value;
    if (typeof value === 'string') {
      const message = unstorable(value);
      if (message) return { path: pathOf(index), message };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const message = unstorable(key);
        if (message) return { path: pathOf(index), message: `A field name: ${message}` };
        nodes.push({ value: child, parent: index, key });
      }
    }
  }
  return null;
}

/**
 * PostgreSQL cannot hold U+0000 nor a lone surrogate, so either anywhere in the input would fail
 * inside the database as a 500 (or be changed silently). No input may contain one, on any route:
 * refuse it before validation with a 400 naming the field.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const hit = findUnstorableText(value, where);
      if (hit) throw new AppError('VALIDATION_FAILED', `${hit.path}: ${hit.message}`, [hit]);
    }
  });
}
