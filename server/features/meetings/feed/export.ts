import type { FeedMeeting } from '../../../../shared/contracts/meetings-feed.ts';

/** A Meeting Guide record as the spec writes it: snake_case keys, absent fields left out. */
export type MeetingGuideRecord = Record<string, string | number | string[]>;

/**
 * The inverse of the normalizer for export: a valid Meeting Guide record such that normalizing it
 * gives back the same meeting. Custom type codes go back into `types`; `timezone` and
 * `approximate` are always written so the record means the same thing in any importer.
 */
export function toMeetingGuide(meeting: FeedMeeting): MeetingGuideRecord {
  const out: MeetingGuideRecord = { slug: meeting.slug, name: meeting.name };
  const put = (key: string, value: string | number | null) => {
    if (value !== null) out[key] = value;
  };
  put('day', meeting.day);
  put('time', meeting.time);
  put('end_time', meeting.endTime);
  out.timezone = meeting.timezone;
  const types = [...meeting.types, ...meeting.customTypes];
  // Online without a usable link: only the feed's ONL said so, and it must say so again.
  const online = meeting.attendanceMode === 'online' || meeting.attendanceMode === 'hybrid';
  if (online && meeting.conferenceUrl === null && meeting.conferencePhone === null) types.push('ONL');
  if (types.length > 0) out.types = types;
  put('notes', meeting.notes);
  put('location', meeting.location);
  put('location_notes', meeting.locationNotes);
  put('formatted_address', meeting.formattedAddress);
  put('address', meeting.address);
  put('city', meeting.city);
  put('state', meeting.state);
  put('postal_code', meeting.postalCode);
  put('country', meeting.country);
  out.approximate = meeting.approximate ? 'yes' : 'no';
  if (meeting.latitude !== null && meeting.longitude !== null) {
    out.latitude = meeting.latitude;
    out.longitude = meeting.longitude;
  }
  if (meeting.regions.length > 0) {
    put('region', meeting.regions[0] ?? null);
    put('sub_region', meeting.regions[1] ?? null);
    out.regions = [...meeting.regions];
  }
  put('conference_url', meeting.conferenceUrl);
  put('conference_url_notes', meeting.conferenceUrlNotes);
  put('conference_phone', meeting.conferencePhone);
  put('conference_phone_notes', meeting.conferencePhoneNotes);
  put('group', meeting.group);
  put('group_notes', meeting.groupNotes);
  put('district', meeting.district);
  put('website', meeting.website);
  put('email', meeting.email);
  put('phone', meeting.phone);
  put('url', meeting.url);
  put('edit_url', meeting.editUrl);
  put('feedback_url', meeting.feedbackUrl);
  if (meeting.feedbackEmails.length > 0) out.feedback_emails = [...meeting.feedbackEmails];
  put('venmo', meeting.venmo);
  put('square', meeting.square);
  put('paypal', meeting.paypal);
  put('homegroup_online', meeting.homegroupOnline);
  put('fellowship', meeting.fellowship);
  if (meeting.entity) {
    put('entity', meeting.entity.name);
    put('entity_email', meeting.entity.email);
    put('entity_location', meeting.entity.location);
    put('entity_logo', meeting.entity.logo);
    put('entity_phone', meeting.entity.phone);
    put('entity_url', meeting.entity.url);
  }
  meeting.contacts.forEach((contact, i) => {
    put(`contact_${i + 1}_name`, contact.name);
    put(`contact_${i + 1}_email`, contact.email);
    put(`contact_${i + 1}_phone`, contact.phone);
  });
  if (meeting.updated !== null) out.updated = toSpecTimestamp(meeting.updated);
  return out;
}

/** ISO 8601 UTC → the spec's "YYYY-MM-DD HH:MM:SS" (UTC). */
function toSpecTimestamp(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

export function toMeetingGuideFeed(meetings: readonly FeedMeeting[]): MeetingGuideRecord[] {
  return meetings.map(toMeetingGuide);
}
