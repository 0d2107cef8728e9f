/** English: password, two-factor sign-in and signing out. */
export const security = {
  security: {
    title: 'Security',
    lead: 'Keep your account safe.',
    password: {
      title: 'Change password',
      submit: 'Change password',
      done: 'Your password is changed.',
      wrongCurrent: 'Your current password is not right.',
    },
    twoFactor: {
      title: 'Two-factor sign-in',
      on: 'Two-factor sign-in is on',
      off: 'Two-factor sign-in is off',
      explain: 'When it is on, signing in also needs a code from an authenticator app on your phone.',
      mustSetUp: 'Your organization requires two-factor sign-in for your role. Please turn it on to continue.',
      setUp: 'Set up two-factor',
      step1: 'Install an authenticator app on your phone (for example Aegis, 2FAS, Google Authenticator or 1Password).',
      step2: 'Scan this QR code with the app.',
      step3: 'Enter the six-digit code the app shows.',
      qrAlt: 'QR code to add Kinship to your authenticator app',
      manual: 'Cannot scan? Enter this key in the app:',
      code: 'Six-digit code',
      turnOn: 'Turn on two-factor',
      turnOff: 'Turn off two-factor',
      disableHint: 'Enter your password to turn two-factor sign-in off.',
      requiredByOrg: 'Your organization requires two-factor sign-in for your role, so it cannot be turned off.',
    },
    recovery: {
      title: 'Save your recovery codes',
      explain:
        'If you lose your phone, each of these codes lets you sign in once. Store them somewhere safe, like a password manager. They will not be shown again.',
      copy: 'Copy codes',
      copied: 'Codes copied.',
      done: 'I have saved my codes',
    },
    signOut: {
      title: 'Sign out',
      lead: 'Signing out is a good idea on a shared or borrowed device.',
    },
  },
};
