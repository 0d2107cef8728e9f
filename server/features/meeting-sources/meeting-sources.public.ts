/**
 * What other features (and scripts/, bench/) use of meeting sources; nothing else in this folder is
 * imported from outside it.
 */

// scripts/import-meetings.ts: the operator's CLI fetches a feed with the same limits as the admin page
// (it allows private hosts: the operator runs it).
export { FeedFetchError, fetchFeed, MAX_FEED_BYTES, sizeOf } from './fetch-feed.ts';
// The CLI, bench/ and test fixtures: a whole feed previewed, or committed in one call through the same
// pipeline as the admin page and the daily sweep.
export { commitImport, type ImportPreview, isImportError, previewImport } from './meeting-sources.import.ts';
