import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell';
import { NotFoundPage } from './components/not-found.page';
import { ForgotPasswordPage } from './features/auth/forgot-password.page';
import { ResetPasswordPage } from './features/auth/reset-password.page';
import { SignInPage } from './features/auth/sign-in.page';
import { MyTeachersPage } from './features/caseload/my-teachers.page';
import { coachingRoutes } from './features/coaching/coaching.routes';
import { cycleRoutes } from './features/cycles/cycle.routes';
import { HomePage } from './features/home/home.page';
import { InvitationPage } from './features/invitation/invitation.page';
import { LessonPage } from './features/lessons/lesson.page';
import { LessonsPage } from './features/lessons/lessons.page';
import { NewLessonPage } from './features/lessons/new-lesson.page';
import { libraryRoutes } from './features/library/library.routes';
import { logRoutes } from './features/log/log.routes';
import { ProfilePage } from './features/profile/profile.page';
import { reviewRoutes } from './features/review/review.routes';
import { RubricBrowserPage } from './features/rubric/rubric-browser.page';
import { RubricListPage } from './features/rubric/rubric-list.page';
import { LESSON_LIST_ROLES, PAGES } from './features/session/access';
import { RequireRole, RequireSignIn } from './features/session/guards';
import { teacherRoutes } from './features/teachers/teacher.routes';

// Admin pages load on demand: coaches and teachers never download them.
const UsersPage = lazy(() => import('./features/admin/users.page'));
const CaseloadsPage = lazy(() => import('./features/admin/caseloads.page'));
const OutboxPage = lazy(() => import('./features/admin/outbox.page'));
const AuditPage = lazy(() => import('./features/admin/audit.page'));

/**
 * Every address the app answers, all inside the shell. Signing in, password resets and
 * invitations are open to anyone; everything else needs a session, and some pages a role
 * (others see "Not available to you"). Anything else is "not found".
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invitation/:token" element={<InvitationPage />} />
        <Route element={<RequireSignIn />}>
          <Route index element={<HomePage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="rubrics" element={<RubricListPage />} />
          <Route path="rubrics/:rubricId" element={<RubricBrowserPage />} />
          <Route element={<RequireRole roles={PAGES.myTeachers.roles} />}>
            <Route path="caseload" element={<MyTeachersPage />} />
          </Route>
          <Route element={<RequireRole roles={LESSON_LIST_ROLES} />}>
            <Route path="lessons" element={<LessonsPage />} />
          </Route>
          <Route element={<RequireRole roles={PAGES.newLesson.roles} />}>
            <Route path="lessons/new" element={<NewLessonPage />} />
          </Route>
          {/* Open to any role: the API answers "not found" to whoever may not see it. */}
          <Route path="lessons/:lessonId" element={<LessonPage />} />
          {[
            ...reviewRoutes,
            ...cycleRoutes,
            ...libraryRoutes,
            ...logRoutes,
            ...coachingRoutes,
            ...teacherRoutes,
          ].map((route: { path: string; element: React.ReactNode }) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
          <Route path="admin" element={<RequireRole roles={PAGES.users.roles} />}>
            <Route path="users" element={<UsersPage />} />
            <Route path="caseloads" element={<CaseloadsPage />} />
            <Route path="outbox" element={<OutboxPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
