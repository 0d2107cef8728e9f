import { and, eq, gt, isNull } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { profiles, sessions, users } from '../../server/db/schema/accounts.ts';
const h = await openDatabase({ dataDir: null });
const now = new Date();
console.log(h.db.select({ userId: users.id, email: users.email, roles: users.roles, totpEnabledAt: users.totpEnabledAt, alias: profiles.alias, csrfToken: sessions.csrfToken, state: sessions.state, lastSeenAt: sessions.lastSeenAt }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).innerJoin(profiles, eq(profiles.userId, users.id)).where(and(eq(sessions.tokenHash, 'h'), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, now), eq(users.status, 'active'))).limit(1).toSQL());
await h.close();
