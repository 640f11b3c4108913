import { Route, Routes } from 'react-router';
import { AppShell } from './components/app-shell';
import { NotFoundPage } from './components/not-found.page';
import { HomePage } from './features/home/home.page';
import { RubricBrowserPage } from './features/rubric/rubric-browser.page';
import { RubricListPage } from './features/rubric/rubric-list.page';

/** Every address the app answers, all inside the shell; anything else is "not found". */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="rubrics" element={<RubricListPage />} />
        <Route path="rubrics/:rubricId" element={<RubricBrowserPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
