import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import { startReviewEarly } from './review.early';
import { reviewKeys } from './review.queries';

/** An API client that records which lesson routes were asked for, and answers nothing. */
function recordingClient() {
  const asked: string[] = [];
  const route = (name: string) => ({
    $get: ({ param }: { param: { id: string } }) => {
      asked.push(`${name} ${param.id}`);
      return new Promise<never>(() => {});
    },
  });
  const client = { lessons: { ':id': { timeline: route('timeline'), media: route('media') } } };
  return { client: client as unknown as ApiClient, asked };
}

describe('startReviewEarly', () => {
  it.each([
    ['/lessons/l-1/review', 'l-1'],
    ['/lessons/l-2/clips/1', 'l-2'],
    ['/lessons/l%203/clips/2/', 'l 3'],
  ])(
    'asks for the timeline and media of %s at once, and loads the code',
    async (path, lessonId) => {
      const { client, asked } = recordingClient();
      const queries = new QueryClient();
      const code = startReviewEarly(path, queries, client);
      expect(asked).toEqual([`timeline ${lessonId}`, `media ${lessonId}`]);
      expect(queries.getQueryState(reviewKeys.timeline(lessonId))?.fetchStatus).toBe('fetching');
      expect(queries.getQueryState(reviewKeys.media(lessonId))?.fetchStatus).toBe('fetching');
      const [page, player] = (await code) as [{ default: unknown }, { createPlayer: unknown }];
      expect(typeof page.default).toBe('function');
      expect(typeof player.createPlayer).toBe('function');
    },
    20_000,
  );

  it.each(['/', '/lessons', '/lessons/l-1', '/lessons/l-1/clips/3', '/cycles/c-1'])(
    'leaves %s alone',
    (path) => {
      const { client, asked } = recordingClient();
      expect(startReviewEarly(path, new QueryClient(), client)).toBeNull();
      expect(asked).toEqual([]);
    },
  );
});
