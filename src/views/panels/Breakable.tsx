/**
 * Text that breaks across lines only where domain/label-breaks.ts allows: each piece stays whole
 * (a date, a code, a status, a short bracketed qualifier), and a line may end only between pieces.
 */
import { Fragment } from 'react';
import { breakPieces } from '../../domain/label-breaks';

export function Breakable({ text, className }: { text: string; className?: string }) {
  const pieces = breakPieces(text, 'fair');
  return (
    <span className={className ? `breakable ${className}` : 'breakable'}>
      {pieces.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className="nobr">{p}</span>
        </Fragment>
      ))}
    </span>
  );
}
