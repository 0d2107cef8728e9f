/** English: finding people, a person's page and break-glass access. */
export const people = {
  people: {
    search: {
      label: 'Find a person',
      hint: 'Search by community alias.',
      noResults: 'Nobody found with that alias.',
      person: 'Person',
      results: 'People found',
    },
    person: {
      title: 'Person',
      lead: 'How they appear in the community.',
      communityTitle: 'In the community',
      self: 'This is you, as others see you.',
      editProfile: 'Edit your profile',
    },
    details: {
      legalName: 'Legal name',
      pronouns: 'Pronouns',
      languages: 'Languages',
      timezone: 'Time zone',
      pathways: 'Recovery pathways',
      notGiven: 'Not given',
    },
    profile: {
      title: 'Profile details',
      sharedNote: '{{alias}} shared this with you. Your view is recorded in their access log.',
      notShared: '{{alias}} has not shared their profile details with you.',
    },
    breakGlass: {
      title: 'Emergency access (break-glass)',
      intro: 'Use this only in an emergency: when {{alias}} may be in danger and cannot be asked to share.',
      hour: 'It lets you see their profile details for one hour.',
      logged: '{{alias}} will see it in their access log, with your reason.',
      emailed: 'Every other supervisor and admin gets an email about it.',
      reason: 'Reason',
      reasonHint: 'What is happening, and why it cannot wait for {{alias}} to share.',
      count: '{{length}} of {{max}} characters (at least {{min}}).',
      submit: 'Open emergency access',
      confirmTitle: 'Open emergency access to {{alias}}?',
      confirmBody:
        'For the next hour you can see their profile details. {{alias}} will see this in their access log, and every other supervisor and admin will be emailed.',
      confirm: 'Yes, open it for one hour',
      openUntil: 'Emergency access open until {{time}}',
      openNote: '{{alias}} did not share this with you. Every view is recorded in their access log as emergency access, with your reason.',
    },
  },
};
