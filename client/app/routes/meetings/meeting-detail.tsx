import { useParams } from 'react-router';
import { useAdminPeople } from '../../../features/admin/api/people.ts';
import { AskBuddySection } from '../../../features/buddies/components/ask-buddy-section.tsx';
import { MeetingGuide } from '../../../features/meeting-guides/components/meeting-guide.tsx';
import { MeetingDetailView } from '../../../features/meetings/components/meeting-detail.tsx';
import { MeetingActions } from '../../../features/my-meetings/components/meeting-actions.tsx';
import { MeetingSecretaries } from '../../../features/my-meetings/components/secretary-tools.tsx';

/** One meeting of the public directory, with what a signed-in person can do about it and help for a first visit. */
export function MeetingDetailPage() {
  const { id = '' } = useParams();
  return (
    <MeetingDetailView
      id={id}
      actions={(meeting) => <MeetingActions meeting={meeting} secretaries={(meetingId) => <Secretaries meetingId={meetingId} />} />}
      help={(meeting) => (
        <>
          <MeetingGuide meetingId={meeting.id} />
          <AskBuddySection meetingId={meeting.id} timezone={meeting.timezone} />
        </>
      )}
    />
  );
}

/** Administrators choose a meeting's secretaries from the admin list of people. */
function Secretaries({ meetingId }: { meetingId: string }) {
  const people = useAdminPeople();
  return <MeetingSecretaries meetingId={meetingId} people={people.data} />;
}
