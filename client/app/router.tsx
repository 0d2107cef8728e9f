import { createBrowserRouter } from 'react-router';
import { AuthLayout } from '../components/layouts/auth-layout.tsx';
import { paths } from './paths.ts';
import { AcceptInvitePage } from './routes/accept-invite.tsx';
import { AdminLayout } from './routes/admin-layout.tsx';
import { AdminAuditPage, AdminBreakGlassPage, AdminOutboxPage, AdminPeoplePage, AdminSettingsPage } from './routes/admin-pages.tsx';
import { Barc10Page } from './routes/barc-10.tsx';
import { CaseloadPage } from './routes/caseload.tsx';
import { CheckInPage } from './routes/check-in.tsx';
import { ClocksPage } from './routes/clocks.tsx';
import { CoachProfilePage } from './routes/coach-profile.tsx';
import { CoachingPage } from './routes/coaching.tsx';
import { CoachingRelationshipPage } from './routes/coaching-relationship.tsx';
import { ForgotPasswordPage } from './routes/forgot-password.tsx';
import { GuestOnly } from './routes/guest-only.tsx';
import { HomePage } from './routes/home.tsx';
import { MessageThreadPage } from './routes/message-thread.tsx';
import { MessagesPage } from './routes/messages.tsx';
import { NotFound } from './routes/not-found.tsx';
import { NotificationsPage } from './routes/notifications.tsx';
import { PartnersPage } from './routes/partners.tsx';
import { PersonPage } from './routes/person.tsx';
import { PrivacyPage } from './routes/privacy.tsx';
import { ProfilePage } from './routes/profile.tsx';
import { ReasonsPage } from './routes/reasons.tsx';
import { RecoveryPlanPage } from './routes/recovery-plan.tsx';
import { RequireRole } from './routes/require-role.tsx';
import { ResetPasswordPage } from './routes/reset-password.tsx';
import { Root } from './routes/root.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SafetyPlanPage } from './routes/safety-plan.tsx';
import { SecurityPage } from './routes/security.tsx';
import { SetupPage } from './routes/setup.tsx';
import { SignInPage } from './routes/sign-in.tsx';
import { SignUpPage } from './routes/sign-up.tsx';
import { SignedInShell } from './routes/signed-in-shell.tsx';
import { SupervisionMatchingPage, SupervisionPage } from './routes/supervision.tsx';
import { SupervisionNotesPage } from './routes/supervision-notes.tsx';
import { TrendsPage } from './routes/trends.tsx';

const ADMIN = ['admin'] as const;
const OVERSIGHT = ['admin', 'supervisor'] as const;
const MEMBER = ['member'] as const;

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      children: [
        {
          element: <AuthLayout homeHref={paths.home} />,
          children: [
            { path: paths.setup, element: <SetupPage /> },
            {
              element: <GuestOnly />,
              children: [
                { path: paths.signIn, element: <SignInPage /> },
                { path: paths.signUp, element: <SignUpPage /> },
              ],
            },
            { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
            { path: paths.resetPassword, element: <ResetPasswordPage /> },
            { path: paths.acceptInvite, element: <AcceptInvitePage /> },
          ],
        },
        {
          element: <SignedInShell />,
          children: [
            { path: paths.home, element: <HomePage /> },
            { path: paths.checkIn, element: <CheckInPage /> },
            { path: paths.trends, element: <TrendsPage /> },
            { path: paths.clocks, element: <ClocksPage /> },
            { path: paths.reasons, element: <ReasonsPage /> },
            { path: paths.safetyPlan, element: <SafetyPlanPage /> },
            { path: paths.recoveryPlan, element: <RecoveryPlanPage /> },
            { path: paths.barc10, element: <Barc10Page /> },
            { path: paths.notifications, element: <NotificationsPage /> },
            { path: paths.messages, element: <MessagesPage /> },
            { path: paths.thread.pattern, element: <MessageThreadPage /> },
            {
              path: paths.partners,
              element: (
                <RequireRole roles={MEMBER}>
                  <PartnersPage />
                </RequireRole>
              ),
            },
            { path: paths.profile, element: <ProfilePage /> },
            { path: paths.privacy, element: <PrivacyPage /> },
            { path: paths.security, element: <SecurityPage /> },
            { path: paths.person.pattern, element: <PersonPage /> },
            { path: paths.coachingRelationship.pattern, element: <CoachingRelationshipPage /> },
            {
              path: paths.coaching,
              element: (
                <RequireRole roles={MEMBER}>
                  <CoachingPage />
                </RequireRole>
              ),
            },
            {
              path: paths.coachProfile,
              element: (
                <RequireRole roles={['coach']}>
                  <CoachProfilePage />
                </RequireRole>
              ),
            },
            {
              path: paths.caseload,
              element: (
                <RequireRole roles={['coach']}>
                  <CaseloadPage />
                </RequireRole>
              ),
            },
            {
              path: paths.supervision,
              element: (
                <RequireRole roles={OVERSIGHT}>
                  <SupervisionPage />
                </RequireRole>
              ),
            },
            {
              path: paths.supervisionMatching,
              element: (
                <RequireRole roles={OVERSIGHT}>
                  <SupervisionMatchingPage />
                </RequireRole>
              ),
            },
            {
              path: paths.supervisionNotes,
              element: (
                <RequireRole roles={OVERSIGHT}>
                  <SupervisionNotesPage />
                </RequireRole>
              ),
            },
            {
              path: paths.admin.root,
              element: (
                <RequireRole roles={OVERSIGHT}>
                  <AdminLayout />
                </RequireRole>
              ),
              children: [
                {
                  path: paths.admin.people,
                  element: (
                    <RequireRole roles={ADMIN}>
                      <AdminPeoplePage />
                    </RequireRole>
                  ),
                },
                {
                  path: paths.admin.settings,
                  element: (
                    <RequireRole roles={ADMIN}>
                      <AdminSettingsPage />
                    </RequireRole>
                  ),
                },
                {
                  path: paths.admin.outbox,
                  element: (
                    <RequireRole roles={ADMIN}>
                      <AdminOutboxPage />
                    </RequireRole>
                  ),
                },
                {
                  path: paths.admin.audit,
                  element: (
                    <RequireRole roles={ADMIN}>
                      <AdminAuditPage />
                    </RequireRole>
                  ),
                },
                { path: paths.admin.breakGlass, element: <AdminBreakGlassPage /> },
              ],
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}
