import { useApiClient } from '../../../api/api-context';
import { exportUrl } from '../review.queries';

const FORMATS = [
  { format: 'csv', label: 'CSV', hint: 'for a spreadsheet' },
  { format: 'vtt', label: 'WebVTT', hint: 'captions for any player' },
  { format: 'jsonld', label: 'Web Annotation (JSON-LD)', hint: 'W3C standard' },
] as const;

/** Downloads of the annotations the viewer can see, with their codes and replies. */
export function ExportLinks({ lessonId }: { lessonId: string }) {
  const client = useApiClient();
  return (
    <section className="review-section exports" aria-labelledby="exports-title">
      <h2 id="exports-title" className="review-section__title">
        Export annotations
      </h2>
      <ul className="exports__list">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <a
              className="button button--secondary button--small"
              href={exportUrl(client, lessonId, format)}
              download
            >
              {label}
            </a>{' '}
            <span className="small muted">{hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
