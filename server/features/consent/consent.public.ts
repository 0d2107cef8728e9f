/**
 * What other features use of consent; nothing else in this folder is imported from outside it. This
 * feature owns `consent_grants`, `access_log` and `break_glass`: others write them only through these
 * functions.
 */

// Coaching (accepting a coach; closing or transferring) and partners (accepting; ending) create and
// revoke grants here, in their own transaction, each with its audit event by the one subject rule.
export { type GrantConsent, grantConsent, type RevokeConsent, revokeConsent } from './consent.grants.ts';
// From consent.policy.ts:
// - single reads of another person's record (profile, clocks, check-ins, plans, assessments): the
//   decision, its access-log row, and what the reader may be told of how they got in;
// - lists and dashboards (caseload, the risk sweep, SOS recipients): grantIsActive, the condition a
//   single read decides with, joined inside their own queries;
// - reads no grant decides (the matching board, note reviews, a buddy's acceptance) and batched reads
//   (the caseload): logged by the same rule as single reads.
export {
  type AccessLogEntry,
  accessSummary,
  authorizeRecordRead,
  grantIsActive,
  logAccess,
  logAccesses,
  type RecordAccess,
} from './consent.policy.ts';
