// Accounts are created with their profile (auth); deletion keeps the row de-identified (decision 005).
export { deidentifyProfile } from './profile.my-data.ts';
export { createProfile } from './profile.service.ts';
