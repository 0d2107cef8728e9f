// What other features use of accounts: creating one (invites, first-run setup), the two-factor
// columns (mfa), roles and status (people), de-identification on deletion (my-data).
export {
  createAccount,
  loadMe,
  type NewSession,
  revokeSession,
  setAccountRoles,
  setAccountStatus,
  setTwoFactor,
  spendRecoveryCode,
  startSession,
} from './accounts.ts';
export { DELETED_EMAIL_DOMAIN, deidentifyAccount, deletedEmailOf } from './auth.my-data.ts';
export { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
