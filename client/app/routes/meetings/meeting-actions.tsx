import type { MeetingDetail } from '../../../../shared/contracts/meetings.ts';

/** On a meeting's page, for a signed-in person: save it, "I went", the secretary's code. */
export function MeetingActions(_props: { meeting: MeetingDetail }) {
  return null;
}
