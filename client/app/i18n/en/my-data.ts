/** English: "My data" on the security page (download everything, delete the account) and the goodbye on sign-in. */
export const myData = {
  myData: {
    title: 'My data',
    lead: 'Your data belongs to you. Take a copy with you, or delete your account.',
    download: {
      title: 'Download my data',
      explain:
        'One file (JSON) with everything Kinship holds about you: your account and profile, check-ins, recovery clocks, reasons, recovery plan and safety plan (every version), BARC-10 results, reminders, notifications, who you share with, and who has read your records. Passwords and other secrets are never included.',
      privateWarning: 'The file holds private health information. Keep it somewhere safe, and not on a shared device.',
      button: 'Download my data',
      done: 'Your file is downloading.',
    },
    delete: {
      title: 'Delete my account',
      explain: 'Deleting your account cannot be undone. If you want a copy of your data, download it first.',
      erasedTitle: 'What is erased',
      erased:
        'Your check-ins, recovery clocks and their history, reasons, recovery plan and safety plan (every version), BARC-10 results, reminders, notifications, everything you shared with others and everything others shared with you, and your sign-ins on every device.',
      deidentifiedTitle: 'What is de-identified',
      deidentified:
        'Your email, password and two-factor sign-in are removed. Your name, pronouns, languages and pathways are cleared, and your alias becomes "Former member" with a short code.',
      keptTitle: 'What is kept, and why',
      kept: 'The record of who read your data, and the security log, are kept. The law on substance-use records (42 CFR Part 2) and health privacy rules (HIPAA) require the organization to be able to show who saw health records. These records hold only an account number, and after deletion nothing links that number to you.',
      password: 'Your password',
      passwordHint: 'To make sure it is really you.',
      confirm: 'Type DELETE to confirm',
      confirmHint: 'Type the word DELETE in capital letters.',
      submit: 'Delete my account',
      dialogTitle: 'Delete your account?',
      dialogBody: 'Your content will be erased right away and you will be signed out on every device. This cannot be undone.',
      dialogConfirm: 'Yes, delete my account',
      wrongPassword: 'That password is not right.',
      lastAdmin:
        'You are the only admin of this organization. Make someone else an admin first, so the organization is not left without one; then you can delete your account.',
    },
    goodbye: 'Your account is deleted. Thank you for being part of this community. Wherever your recovery takes you, we wish you well.',
  },
};
