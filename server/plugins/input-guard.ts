import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/app-error.ts';

interface Node {
  value: unknown;
  parent: number;
  key: string;
}

/**
 * Where in a parsed body or query a NUL character hides, or null. Iterative (a 64 KiB body can nest
 * tens of thousands deep) and the path is only built for the hit.
 */
export function findNulCharacter(root: unknown, where: string): string | null {
  const nodes: Node[] = [{ value: root, parent: -1, key: where }];
  const pathOf = (index: number) => {
    const keys: string[] = [];
    for (let i = index; i >= 0; i = nodes[i]?.parent ?? -1) keys.unshift(nodes[i]?.key ?? '');
    return keys.join('.');
  };
  for (let index = 0; index < nodes.length; index++) {
    const value = nodes[index]?.value;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(index);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return pathOf(index);
        nodes.push({ value: child, parent: index, key });
      }
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in the input would fail inside the database
 * as a 500. No legitimate input contains one: refuse it before validation with a 400 naming the field.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [
      ['body', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const path = findNulCharacter(value, where);
      if (path)
        throw new AppError('VALIDATION_FAILED', `${path}: text may not contain NUL characters`, [
          { path, message: 'Contains a NUL character' },
        ]);
    }
  });
}
