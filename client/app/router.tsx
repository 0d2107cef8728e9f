import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ROLE_GROUPS, type Role } from '../../shared/contracts/roles.ts';
import { AuthLayout } from '../components/layouts/auth-layout.tsx';
import { Loading } from '../components/ui/loading.tsx';
import { paths } from '../lib/paths.ts';
import { GuestOnly } from './routes/guest-only.tsx';
import { NotFound } from './routes/not-found.tsx';
import { RequireRole } from './routes/require-role.tsx';
import { Root } from './routes/root.tsx';
import { RouteError } from './routes/route-error.tsx';

/**
 * A route whose page loads on first visit (its own chunk), so the first load of one page, e.g. the
 * public meeting finder, does not download every other page. `roles`: the page's role gate.
 */
function page(load: () => Promise<ComponentType>, roles?: readonly Role[]): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        element: roles ? (
          <RequireRole roles={roles}>
            <Page />
          </RequireRole>
        ) : (
          <Page />
        ),
      };
    },
  };
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      // While the first page's own file loads: the same splash as while the session loads, help included.
      hydrateFallbackElement: (
        <AuthLayout homeHref={paths.home}>
          <div className="splash">
            <Loading />
          </div>
        </AuthLayout>
      ),
      children: [
        {
          element: <AuthLayout homeHref={paths.home} />,
          children: [
            { path: paths.setup, ...page(() => import('./routes/setup.tsx').then((m) => m.SetupPage)) },
            {
              element: <GuestOnly />,
              children: [
                { path: paths.signIn, ...page(() => import('./routes/sign-in.tsx').then((m) => m.SignInPage)) },
                { path: paths.signUp, ...page(() => import('./routes/sign-up.tsx').then((m) => m.SignUpPage)) },
              ],
            },
            { path: paths.forgotPassword, ...page(() => import('./routes/forgot-password.tsx').then((m) => m.ForgotPasswordPage)) },
            { path: paths.resetPassword, ...page(() => import('./routes/reset-password.tsx').then((m) => m.ResetPasswordPage)) },
            { path: paths.acceptInvite, ...page(() => import('./routes/accept-invite.tsx').then((m) => m.AcceptInvitePage)) },
          ],
        },
        {
          // Public: a visitor without an account can find a meeting.
          ...page(() => import('./routes/meetings/meetings-layout.tsx').then((m) => m.MeetingsLayout)),
          children: [
            { path: paths.meetings, ...page(() => import('./routes/meetings/finder.tsx').then((m) => m.FinderPage)) },
            {
              path: paths.meeting.pattern,
              ...page(() => import('./routes/meetings/meeting-detail.tsx').then((m) => m.MeetingDetailPage)),
            },
          ],
        },
        {
          ...page(() => import('./routes/signed-in-shell.tsx').then((m) => m.SignedInShell)),
          children: [
            { path: paths.home, ...page(() => import('./routes/home.tsx').then((m) => m.HomePage)) },
            { path: paths.checkIn, ...page(() => import('./routes/check-in.tsx').then((m) => m.CheckInPage)) },
            { path: paths.trends, ...page(() => import('./routes/trends.tsx').then((m) => m.TrendsPage)) },
            { path: paths.clocks, ...page(() => import('./routes/clocks.tsx').then((m) => m.ClocksPage)) },
            { path: paths.reasons, ...page(() => import('./routes/reasons.tsx').then((m) => m.ReasonsPage)) },
            { path: paths.safetyPlan, ...page(() => import('./routes/safety-plan.tsx').then((m) => m.SafetyPlanPage)) },
            { path: paths.recoveryPlan, ...page(() => import('./routes/recovery-plan.tsx').then((m) => m.RecoveryPlanPage)) },
            { path: paths.barc10, ...page(() => import('./routes/barc-10.tsx').then((m) => m.Barc10Page)) },
            { path: paths.notifications, ...page(() => import('./routes/notifications.tsx').then((m) => m.NotificationsPage)) },
            { path: paths.messages, ...page(() => import('./routes/messages.tsx').then((m) => m.MessagesPage)) },
            { path: paths.thread.pattern, ...page(() => import('./routes/message-thread.tsx').then((m) => m.MessageThreadPage)) },
            {
              path: paths.partners,
              ...page(() => import('./routes/partners.tsx').then((m) => m.PartnersPage), ROLE_GROUPS.members),
            },
            {
              path: paths.buddies,
              ...page(() => import('./routes/buddies.tsx').then((m) => m.BuddiesPage), ROLE_GROUPS.buddies),
            },
            {
              path: paths.myMeetings,
              ...page(() => import('./routes/my-meetings.tsx').then((m) => m.MyMeetingsPage), ROLE_GROUPS.members),
            },
            { path: paths.events, ...page(() => import('./routes/events.tsx').then((m) => m.EventsPage)) },
            { path: paths.event.pattern, ...page(() => import('./routes/event.tsx').then((m) => m.EventPage)) },
            { path: paths.profile, ...page(() => import('./routes/profile.tsx').then((m) => m.ProfilePage)) },
            { path: paths.privacy, ...page(() => import('./routes/privacy.tsx').then((m) => m.PrivacyPage)) },
            { path: paths.security, ...page(() => import('./routes/security.tsx').then((m) => m.SecurityPage)) },
            { path: paths.person.pattern, ...page(() => import('./routes/person.tsx').then((m) => m.PersonPage)) },
            {
              path: paths.coachingRelationship.pattern,
              ...page(() => import('./routes/coaching-relationship.tsx').then((m) => m.CoachingRelationshipPage)),
            },
            {
              path: paths.coaching,
              ...page(() => import('./routes/coaching.tsx').then((m) => m.CoachingPage), ROLE_GROUPS.members),
            },
            {
              path: paths.coachProfile,
              ...page(() => import('./routes/coach-profile.tsx').then((m) => m.CoachProfilePage), ROLE_GROUPS.coaches),
            },
            {
              path: paths.caseload,
              ...page(() => import('./routes/caseload.tsx').then((m) => m.CaseloadPage), ROLE_GROUPS.coaches),
            },
            {
              path: paths.supervision,
              ...page(() => import('./routes/supervision.tsx').then((m) => m.SupervisionPage), ROLE_GROUPS.oversight),
            },
            {
              path: paths.supervisionMatching,
              ...page(() => import('./routes/supervision.tsx').then((m) => m.SupervisionMatchingPage), ROLE_GROUPS.oversight),
            },
            {
              path: paths.supervisionNotes,
              ...page(() => import('./routes/supervision-notes.tsx').then((m) => m.SupervisionNotesPage), ROLE_GROUPS.oversight),
            },
            {
              path: paths.admin.root,
              ...page(() => import('./routes/admin-layout.tsx').then((m) => m.AdminLayout), ROLE_GROUPS.oversight),
              children: [
                {
                  path: paths.admin.people,
                  ...page(() => import('./routes/admin-pages.tsx').then((m) => m.AdminPeoplePage), ROLE_GROUPS.admins),
                },
                {
                  path: paths.admin.settings,
                  ...page(() => import('./routes/admin-pages.tsx').then((m) => m.AdminSettingsPage), ROLE_GROUPS.admins),
                },
                {
                  path: paths.admin.outbox,
                  ...page(() => import('./routes/admin-pages.tsx').then((m) => m.AdminOutboxPage), ROLE_GROUPS.admins),
                },
                {
                  path: paths.admin.audit,
                  ...page(() => import('./routes/admin-pages.tsx').then((m) => m.AdminAuditPage), ROLE_GROUPS.admins),
                },
                { path: paths.admin.breakGlass, ...page(() => import('./routes/admin-pages.tsx').then((m) => m.AdminBreakGlassPage)) },
                {
                  path: paths.admin.meetingGuides,
                  ...page(() => import('./routes/admin-guides.tsx').then((m) => m.AdminGuidesPage), ROLE_GROUPS.admins),
                },
                {
                  path: paths.admin.ownMeetings,
                  ...page(() => import('./routes/own-meetings.tsx').then((m) => m.OwnMeetingsPage), ROLE_GROUPS.admins),
                },
                {
                  path: paths.admin.meetingSources,
                  ...page(() => import('./routes/meeting-sources.tsx').then((m) => m.MeetingSourcesPage), ROLE_GROUPS.admins),
                },
              ],
            },
            // Eager: the role gate (RequireRole) shows it too.
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}
