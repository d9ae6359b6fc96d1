/**
 * Hostile views through the console renderer (src/console/render-text.ts): it never throws, and nothing a user or
 * a document wrote can put a control character on the terminal (move the cursor, clear the screen, recolour).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/console/render-text.js';
import type { View } from '../../src/router/view-model.js';
import { RUNS, TERMINAL_CONTROL } from './hostile.js';
import { resultsViewArb, viewArb } from './views.js';

/** The only escape sequences the renderer may write itself: SGR colour and bold. */
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\u001b\[[0-9;]*m/g;

// eslint-disable-next-line no-control-regex
const visible = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

function firstControl(out: string): string | undefined {
  const m = TERMINAL_CONTROL.exec(out);
  if (!m) return undefined;
  const at = m.index;
  return `U+${m[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${at}: ${JSON.stringify(out.slice(Math.max(0, at - 30), at + 10))}`;
}

describe('renderText on hostile views', () => {
  it('never throws and writes no control characters without colour', () => {
    fc.assert(
      fc.property(viewArb, (view: View) => {
        const out = renderText(view, { color: false });
        expect(typeof out).toBe('string');
        expect(firstControl(out)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('with colour, writes only its own colour sequences', () => {
    fc.assert(
      fc.property(viewArb, (view: View) => {
        const out = renderText(view, { color: true });
        expect(firstControl(out.replace(OWN_SGR, ''))).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('shows every result with its number and its source title', () => {
    fc.assert(
      fc.property(resultsViewArb, (view) => {
        const out = renderText(view, { color: false });
        view.items.forEach((item, i) => {
          const n = (view.page - 1) * view.pageSize + i + 1;
          expect(out).toContain(`${n}. 《${visible(item.title)}》`);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
