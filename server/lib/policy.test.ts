import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { definePolicy } from './policy.ts';

interface Person {
  id: string;
  admin: boolean;
}
interface Doc {
  ownerId: string;
  locked: boolean;
}

const docs = definePolicy<Person, Doc>()(
  {
    read: (person, doc) => person.admin || doc.ownerId === person.id,
    edit: (person, doc) => doc.ownerId === person.id && !doc.locked,
  },
  (action, person, doc) =>
    action === 'edit' && doc.ownerId === person.id ? new AppError('CONFLICT', 'Locked') : new AppError('NOT_FOUND', 'Not found'),
);

const owner = { id: 'a', admin: false };
const admin = { id: 'b', admin: true };
const stranger = { id: 'c', admin: false };

describe('definePolicy', () => {
  it('answers can() from the declared rules and lists the allowed actions in declared order', () => {
    const open = { ownerId: 'a', locked: false };
    expect(docs.actions).toEqual(['read', 'edit']);
    expect(docs.allowedActions(owner, open)).toEqual(['read', 'edit']);
    expect(docs.allowedActions(admin, open)).toEqual(['read']);
    expect(docs.allowedActions(stranger, open)).toEqual([]);
    expect(docs.can(owner, 'edit', { ...open, locked: true })).toBe(false);
  });

  it('authorize() returns when allowed and throws the declared refusal otherwise (404 by default)', () => {
    const locked = { ownerId: 'a', locked: true };
    expect(() => docs.authorize(owner, 'read', locked)).not.toThrow();
    expect(() => docs.authorize(owner, 'edit', locked)).toThrow(expect.objectContaining({ code: 'CONFLICT', status: 409 }));
    expect(() => docs.authorize(stranger, 'edit', locked)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', status: 404 }));
    const plain = definePolicy<Person, Doc>()({ read: () => false });
    expect(() => plain.authorize(owner, 'read', locked)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'Not found' }));
  });
});
