// Every feature records security events (sign-ins, role and grant changes, break-glass) here.
export { recordAudit } from './audit.service.ts';
