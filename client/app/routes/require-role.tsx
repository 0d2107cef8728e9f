import type { ReactNode } from 'react';
import type { Role } from '../../../shared/contracts/roles.ts';
import { hasAnyRole, useSessionData } from '../../lib/session.ts';
import { NotFound } from './not-found.tsx';

/** Pages for some roles only; others get the same "not found" as for a page that does not exist. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSessionData();
  return hasAnyRole(user, roles) && user ? children : <NotFound />;
}
