import type { z } from 'zod';
import type { AttendanceMode } from '../../../shared/contracts/meetings-feed.ts';
import type { OwnMeeting, ownMeetingInputSchema } from '../../../shared/contracts/own-meetings.ts';

/** The form's state: text as typed (empty = not given), turned into the API input on submit. */
export type Draft = {
  name: string;
  fellowship: string;
  schedule: 'weekly' | 'appointment';
  day: string;
  time: string;
  endTime: string;
  timezone: string;
  attendanceMode: AttendanceMode;
  types: string[];
  location: string;
  locationNotes: string;
  address: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  formattedAddress: string;
  latitude: string;
  longitude: string;
  regions: string;
  conferenceUrl: string;
  conferenceUrlNotes: string;
  conferencePhone: string;
  conferencePhoneNotes: string;
  notes: string;
  group: string;
  groupNotes: string;
  website: string;
  email: string;
  phone: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

export type TextKey = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft];

export function emptyDraft(timezone: string): Draft {
  return {
    name: '',
    fellowship: '',
    schedule: 'weekly',
    day: '1',
    time: '',
    endTime: '',
    timezone,
    attendanceMode: 'in_person',
    types: [],
    location: '',
    locationNotes: '',
    address: '',
    city: '',
    state: '',
    postalCode: '',
    country: '',
    formattedAddress: '',
    latitude: '',
    longitude: '',
    regions: '',
    conferenceUrl: '',
    conferenceUrlNotes: '',
    conferencePhone: '',
    conferencePhoneNotes: '',
    notes: '',
    group: '',
    groupNotes: '',
    website: '',
    email: '',
    phone: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  };
}

/** The stored meeting as the form shows it. The formatted address is left empty when it was composed. */
export function draftOf(meeting: OwnMeeting): Draft {
  const text = (value: string | null) => value ?? '';
  const contact = meeting.contacts[0];
  const composed = [meeting.address, meeting.city, [meeting.state, meeting.postalCode].filter(Boolean).join(' '), meeting.country]
    .filter(Boolean)
    .join(', ');
  return {
    name: meeting.name,
    fellowship: text(meeting.fellowship),
    schedule: meeting.day === null ? 'appointment' : 'weekly',
    day: meeting.day === null ? '1' : String(meeting.day),
    time: text(meeting.time),
    endTime: text(meeting.endTime),
    timezone: meeting.timezone,
    attendanceMode: meeting.attendanceMode,
    types: meeting.types.filter((code) => code !== 'TC'),
    location: text(meeting.location),
    locationNotes: text(meeting.locationNotes),
    address: text(meeting.address),
    city: text(meeting.city),
    state: text(meeting.state),
    postalCode: text(meeting.postalCode),
    country: text(meeting.country),
    formattedAddress: meeting.formattedAddress === composed ? '' : text(meeting.formattedAddress),
    latitude: meeting.latitude === null ? '' : String(meeting.latitude),
    longitude: meeting.longitude === null ? '' : String(meeting.longitude),
    regions: meeting.regions.join(', '),
    conferenceUrl: text(meeting.conferenceUrl),
    conferenceUrlNotes: text(meeting.conferenceUrlNotes),
    conferencePhone: text(meeting.conferencePhone),
    conferencePhoneNotes: text(meeting.conferencePhoneNotes),
    notes: text(meeting.notes),
    group: text(meeting.group),
    groupNotes: text(meeting.groupNotes),
    website: text(meeting.website),
    email: text(meeting.email),
    phone: text(meeting.phone),
    contactName: text(contact?.name ?? null),
    contactEmail: text(contact?.email ?? null),
    contactPhone: text(contact?.phone ?? null),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value.trim().replace(',', '.')));

/** The API input. Contacts after the first (from an import) are kept as they were. */
export function inputOf(draft: Draft, keptContacts: OwnMeeting['contacts'] = []): z.input<typeof ownMeetingInputSchema> {
  const weekly = draft.schedule === 'weekly';
  const contact = { name: orNull(draft.contactName), email: orNull(draft.contactEmail), phone: orNull(draft.contactPhone) };
  const hasContact = contact.name !== null || contact.email !== null || contact.phone !== null;
  return {
    name: draft.name.trim(),
    fellowship: orNull(draft.fellowship),
    day: weekly ? Number(draft.day) : null,
    time: weekly ? orNull(draft.time) : null,
    endTime: weekly ? orNull(draft.endTime) : null,
    timezone: draft.timezone,
    attendanceMode: draft.attendanceMode,
    types: draft.types,
    location: orNull(draft.location),
    locationNotes: orNull(draft.locationNotes),
    address: orNull(draft.address),
    city: orNull(draft.city),
    state: orNull(draft.state),
    postalCode: orNull(draft.postalCode),
    country: orNull(draft.country),
    formattedAddress: orNull(draft.formattedAddress),
    latitude: numberOrNull(draft.latitude),
    longitude: numberOrNull(draft.longitude),
    regions: draft.regions
      .split(',')
      .map((region) => region.trim())
      .filter(Boolean),
    conferenceUrl: orNull(draft.conferenceUrl),
    conferenceUrlNotes: orNull(draft.conferenceUrlNotes),
    conferencePhone: orNull(draft.conferencePhone),
    conferencePhoneNotes: orNull(draft.conferencePhoneNotes),
    notes: orNull(draft.notes),
    group: orNull(draft.group),
    groupNotes: orNull(draft.groupNotes),
    website: orNull(draft.website),
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    contacts: [...(hasContact ? [contact] : []), ...keptContacts.slice(1)].slice(0, 3),
  };
}

/** Form errors keyed by input path ("contacts.0.email") → the form's own field names. */
export function draftErrorKey(path: string): string {
  if (path.startsWith('types')) return 'types';
  if (path.startsWith('regions')) return 'regions';
  const contact = /^contacts\.0\.(name|email|phone)$/.exec(path);
  if (contact?.[1]) return `contact${contact[1][0]?.toUpperCase()}${contact[1].slice(1)}`;
  return path;
}
