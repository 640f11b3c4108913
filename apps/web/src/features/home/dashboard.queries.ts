import { useQuery } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { useApiClient } from '../../api/api-context';
import { unwrapJson } from '../../api/api-error';
import type { ApiClient } from '../../api/client';

/** One teacher of the coach's caseload, as the coach's dashboard sends it. */
export type CaseloadEntry = InferResponseType<
  ApiClient['dashboard']['coach']['$get'],
  200
>['items'][number];
export type AttentionReason = CaseloadEntry['attention']['reason'];
export type TeacherDashboard = InferResponseType<ApiClient['dashboard']['teacher']['$get'], 200>;
export type TodoItem = TeacherDashboard['todo'][number];
export type ProgramDashboard = InferResponseType<ApiClient['dashboard']['program']['$get'], 200>;
export type TeacherOverview = InferResponseType<
  ApiClient['teachers'][':teacherId']['overview']['$get'],
  200
>;

// Under the cycles' key: opening or changing a cycle (useOpenCycle, useUpdateCycle)
// invalidates ['cycles'], and with it every dashboard that shows one.
export const dashboardKeys = {
  coach: ['cycles', 'dashboard', 'coach'] as const,
  teacher: ['cycles', 'dashboard', 'teacher'] as const,
  program: ['cycles', 'dashboard', 'program'] as const,
  teacherOverview: (teacherId: string) =>
    ['cycles', 'dashboard', 'teacher-overview', teacherId] as const,
};

/** Where the research export downloads from (a plain link: the browser saves the file). */
export const RESEARCH_EXPORT_PATH = '/api/research-export.csv';

export function useCoachDashboard() {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.coach,
    queryFn: async () => (await unwrapJson(client.dashboard.coach.$get())).items,
  });
}

export function useTeacherDashboard() {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.teacher,
    queryFn: () => unwrapJson(client.dashboard.teacher.$get()),
  });
}

export function useProgramDashboard() {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.program,
    queryFn: () => unwrapJson(client.dashboard.program.$get()),
  });
}

export function useTeacherOverview(teacherId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: dashboardKeys.teacherOverview(teacherId),
    queryFn: () =>
      unwrapJson(client.teachers[':teacherId'].overview.$get({ param: { teacherId } })),
  });
}

/** What each attention reason asks of the coach, in the coach's words. */
export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  video_overdue: 'Video overdue',
  teacher_ready: 'Teacher is ready',
  meeting_soon: 'Meeting soon',
  prepare: 'Choose clips and send the assignment',
  meeting_passed: 'Meeting passed: mark it held',
  log_due: 'Complete the log',
  open_next: 'Open the next cycle',
  waiting_for_teacher: 'Teacher is preparing',
  awaiting_video: 'Waiting for the video',
};
