import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';

/** On a meeting's page: "what to expect" for its fellowship and type, and asking for a first-meeting buddy. */
export function MeetingGuide(_props: { meeting: MeetingDetail }) {
  return null;
}
