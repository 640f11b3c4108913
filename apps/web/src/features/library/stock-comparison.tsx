import { AGREEMENT_LABELS, agreementSentence } from './agreement-text';
import type { StockScores } from './library.queries';
import { codeName, isInverted, levelName } from './rubric-labels';

/**
 * The teacher's scores beside the master scores, code by code, with the agreement in
 * words as well as a badge (never colour alone). `perspective` words it for who reads it.
 */
export function StockComparison({
  scores,
  perspective,
}: {
  scores: StockScores;
  perspective: 'teacher' | 'other';
}) {
  const yours = perspective === 'teacher' ? 'Your score' : 'Teacher’s score';
  return (
    <div className="stock-comparison">
      {scores.tally && scores.tally.compared > 0 && (
        <p className="stock-comparison__summary">
          {scores.tally.exact} of {scores.tally.compared} exact, {scores.tally.adjacent} adjacent,{' '}
          {scores.tally.off} off.
        </p>
      )}
      <table className="table stock-comparison__table">
        <caption className="visually-hidden">
          {yours} and the master score for each code, with their agreement
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">{yours}</th>
            <th scope="col">Master score</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {scores.codes.map((code) => (
            <tr key={code.codeId}>
              <th scope="row">
                {codeName(code.codeId)}
                {isInverted(code.codeId) && (
                  <span className="small muted stock-comparison__note">
                    Higher means more errors.
                  </span>
                )}
              </th>
              <td>
                {code.score ? (
                  <>
                    <strong>{levelName(code.codeId, code.score.level)}</strong>
                    {code.score.reason && (
                      <p className="stock-comparison__why">{code.score.reason}</p>
                    )}
                  </>
                ) : (
                  <span className="muted">Not scored yet</span>
                )}
              </td>
              <td>
                {code.master ? (
                  <>
                    <strong>{levelName(code.codeId, code.master.level)}</strong>
                    <p className="stock-comparison__why">{code.master.rationale}</p>
                  </>
                ) : (
                  <span className="muted">No master score</span>
                )}
              </td>
              <td>
                {code.agreement ? (
                  <>
                    <span className="agreement-badge" data-kind={code.agreement.kind}>
                      {AGREEMENT_LABELS[code.agreement.kind]}
                    </span>
                    <p className="small">
                      {agreementSentence(
                        code.agreement,
                        perspective === 'teacher' ? 'you' : 'the teacher',
                      )}
                    </p>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
