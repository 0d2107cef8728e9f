import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateNote,
  type CreateSession,
  noteListSchema,
  noteRevisionListSchema,
  noteSchema,
  type ReferralStatus,
  referralListSchema,
  referralSchema,
  relationshipSessionsSchema,
  sessionListSchema,
  sessionSchema,
  type UpdateNote,
} from '../../../../shared/contracts/coaching-sessions.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { refreshShowing } from '../../../lib/shared-changes.ts';

const all = ['coaching-sessions'] as const;
const relationship = (id: string) => [...all, 'relationship', id] as const;
/** The query keys of sessions, notes and referrals, under one root; a relationship's own below its id. */
export const coachingSessionKeys = {
  all,
  relationship,
  sessions: (id: string) => [...relationship(id), 'sessions'] as const,
  notes: (id: string) => [...relationship(id), 'notes'] as const,
  referrals: (id: string) => [...relationship(id), 'referrals'] as const,
  awaitingSignOff: [...all, 'notes', 'awaiting-sign-off'] as const,
  revisions: (noteId: string) => [...all, 'notes', noteId, 'revisions'] as const,
  upcoming: [...all, 'sessions', 'upcoming'] as const,
};
/** A relationship's status changing (coaching), a match or a sign-off changes what every query here shows. */
const meta = { shows: ['coaching'] } as const;

const rel = (id: string) => `/api/coaching/relationships/${encodeURIComponent(id)}`;

export const relationshipSessionsQuery = (id: string) =>
  queryOptions({
    queryKey: coachingSessionKeys.sessions(id),
    meta,
    queryFn: ({ signal }) => apiRequest(`${rel(id)}/sessions`, { schema: relationshipSessionsSchema, signal }),
  });
export const relationshipNotesQuery = (id: string) =>
  queryOptions({
    queryKey: coachingSessionKeys.notes(id),
    meta,
    queryFn: ({ signal }) => apiRequest(`${rel(id)}/notes`, { schema: noteListSchema, signal }),
  });
export const relationshipReferralsQuery = (id: string) =>
  queryOptions({
    queryKey: coachingSessionKeys.referrals(id),
    meta,
    queryFn: ({ signal }) => apiRequest(`${rel(id)}/referrals`, { schema: referralListSchema, signal }),
  });
export const awaitingSignOffQuery = queryOptions({
  queryKey: coachingSessionKeys.awaitingSignOff,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/notes/awaiting-sign-off', { schema: noteListSchema, signal }),
});
export const upcomingSessionsQuery = queryOptions({
  queryKey: coachingSessionKeys.upcoming,
  meta,
  queryFn: ({ signal }) => apiRequest('/api/coaching/sessions/upcoming', { schema: sessionListSchema, signal }),
});

export const useRelationshipSessions = (id: string) => useQuery(relationshipSessionsQuery(id));
export const useRelationshipNotes = (id: string, enabled = true) => useQuery({ ...relationshipNotesQuery(id), enabled });
export const useRelationshipReferrals = (id: string, enabled = true) => useQuery({ ...relationshipReferralsQuery(id), enabled });
export const useAwaitingSignOff = () => useQuery(awaitingSignOffQuery);
export const useUpcomingSessions = () => useQuery(upcomingSessionsQuery);

/** The calendar file of a session: a plain link, so the browser downloads it with the session cookie. */
export const calendarHref = (sessionId: string) => `/api/coaching/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;

function useRefreshRelationship(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: coachingSessionKeys.relationship(id) }),
      queryClient.invalidateQueries({ queryKey: coachingSessionKeys.upcoming }),
    ]);
}

export function useScheduleSession(relationshipId: string) {
  const refresh = useRefreshRelationship(relationshipId);
  return useMutation({
    mutationFn: (input: CreateSession) =>
      apiRequest(`${rel(relationshipId)}/sessions`, { method: 'POST', body: input, schema: sessionSchema }),
    onSuccess: refresh,
  });
}

export function useSessionOutcome(relationshipId: string) {
  const refresh = useRefreshRelationship(relationshipId);
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'completed' | 'missed' | 'cancelled' }) =>
      apiRequest(`/api/coaching/sessions/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status }, schema: sessionSchema }),
    onSuccess: refresh,
  });
}

export function useWriteNote(relationshipId: string) {
  const refresh = useRefreshRelationship(relationshipId);
  return useMutation({
    mutationFn: (input: CreateNote) => apiRequest(`${rel(relationshipId)}/notes`, { method: 'POST', body: input, schema: noteSchema }),
    onSuccess: refresh,
  });
}

export function useReferralStatus(relationshipId: string) {
  const refresh = useRefreshRelationship(relationshipId);
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ReferralStatus }) =>
      apiRequest(`/api/coaching/referrals/${encodeURIComponent(id)}`, { method: 'PATCH', body: { status }, schema: referralSchema }),
    onSuccess: refresh,
  });
}

export function useSignOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/coaching/notes/${encodeURIComponent(id)}/sign-off`, { method: 'POST', body: {}, schema: noteSchema }),
    onSuccess: () => refreshShowing(queryClient, 'coaching'),
  });
}

/** The author corrects a note (the earlier text is kept; a signed-off one needs a reason). */
export function useCorrectNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateNote }) =>
      apiRequest(`/api/coaching/notes/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: noteSchema }),
    onSuccess: (note) => {
      void queryClient.invalidateQueries({ queryKey: coachingSessionKeys.revisions(note.id) });
      return refreshShowing(queryClient, 'coaching');
    },
  });
}

/** A supervisor returns a note to its coach for changes, with a comment. */
export function useReturnNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment: string }) =>
      apiRequest(`/api/coaching/notes/${encodeURIComponent(id)}/return`, { method: 'POST', body: { comment }, schema: noteSchema }),
    onSuccess: () => refreshShowing(queryClient, 'coaching'),
  });
}

/** Earlier texts of a note, read only when someone opens them. */
export function useNoteRevisions(noteId: string, enabled: boolean) {
  return useQuery({
    queryKey: coachingSessionKeys.revisions(noteId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/coaching/notes/${encodeURIComponent(noteId)}/revisions`, { schema: noteRevisionListSchema, signal }),
    enabled,
  });
}
