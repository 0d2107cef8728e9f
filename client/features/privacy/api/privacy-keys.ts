/** The query keys of the privacy page: my grants and who read my record. */
export const privacyKeys = {
  grants: ['me', 'grants'] as const,
  accessLog: ['me', 'access-log'] as const,
};
