import { createHash } from 'node:crypto';
import type { FeedMeeting } from '../../../shared/contracts/meetings-feed.ts';
import type { meetings } from '../../db/schema/meetings.ts';
import { toMeetingGuide } from './feed/export.ts';

type MeetingInsert = typeof meetings.$inferInsert;

/** JSON with object keys sorted, so the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of a normalized meeting: equal hashes, nothing to write. */
export const contentHashOf = (meeting: FeedMeeting): string => createHash('sha256').update(canonical(meeting)).digest('hex');

/** The columns of a normalized meeting (everything but id, source and timestamps). */
export function meetingColumns(meeting: FeedMeeting): Omit<MeetingInsert, 'id' | 'sourceId' | 'createdAt' | 'updatedAt'> {
  return {
    slug: meeting.slug,
    name: meeting.name,
    day: meeting.day,
    time: meeting.time,
    endTime: meeting.endTime,
    crossesMidnight: meeting.crossesMidnight,
    timezone: meeting.timezone,
    types: meeting.types,
    customTypes: meeting.customTypes,
    languages: meeting.languages,
    attendanceMode: meeting.attendanceMode,
    location: meeting.location,
    locationNotes: meeting.locationNotes,
    formattedAddress: meeting.formattedAddress,
    address: meeting.address,
    city: meeting.city,
    state: meeting.state,
    postalCode: meeting.postalCode,
    country: meeting.country,
    approximate: meeting.approximate,
    latitude: meeting.latitude,
    longitude: meeting.longitude,
    regions: meeting.regions,
    conferenceUrl: meeting.conferenceUrl,
    conferenceUrlNotes: meeting.conferenceUrlNotes,
    conferencePhone: meeting.conferencePhone,
    conferencePhoneNotes: meeting.conferencePhoneNotes,
    notes: meeting.notes,
    group: meeting.group,
    groupNotes: meeting.groupNotes,
    district: meeting.district,
    website: meeting.website,
    email: meeting.email,
    phone: meeting.phone,
    url: meeting.url,
    editUrl: meeting.editUrl,
    feedbackUrl: meeting.feedbackUrl,
    feedbackEmails: meeting.feedbackEmails,
    venmo: meeting.venmo,
    square: meeting.square,
    paypal: meeting.paypal,
    homegroupOnline: meeting.homegroupOnline,
    fellowship: meeting.fellowship,
    entity: meeting.entity,
    contacts: meeting.contacts,
    updated: meeting.updated === null ? null : new Date(meeting.updated),
    contentHash: contentHashOf(meeting),
    feedJson: JSON.stringify(toMeetingGuide(meeting)),
  };
}
