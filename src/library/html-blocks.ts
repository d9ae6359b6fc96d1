/**
 * HTML → lines of text, one per block (paragraph, heading, list item, table row), for the HTML article and for
 * mammoth's rendering of a Word file. Headings are reported separately so the splitter treats them as section
 * labels rather than joining them into the next paragraph.
 */
import { parseHTML } from 'linkedom';

export interface HtmlBlocks {
  lines: string[];
  headings: string[];
  /** Text of the first element matching the title selector (h1.title for Word's Title style). */
  title: string | null;
}

/** The little of the DOM used here (the project compiles without the DOM library's types). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
  tagName?: string;
  childNodes: ArrayLike<DomNode>;
  children?: ArrayLike<DomNode>;
}

const HEADING = /^H[1-6]$/;
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD',
  'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'BODY', 'HTML', 'CENTER', 'FORM', 'FIELDSET', 'ADDRESS', 'HR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IMG', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'INPUT']);

/** Collapses runs of spaces (not line breaks) and trims each line. */
function tidy(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** The lines of an HTML fragment or page body. */
export function htmlToBlocks(html: string, titleSelector = 'h1.title'): HtmlBlocks {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  const headings: string[] = [];
  let buffer = '';
  const flush = (heading = false): void => {
    const out = tidy(buffer);
    buffer = '';
    for (const l of out) {
      lines.push(l);
      if (heading) headings.push(l);
    }
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        buffer += (child.textContent ?? '').replace(/\n/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child;
      const tag = (el.tagName ?? '').toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'BR') {
        buffer += '\n';
        continue;
      }
      if (!BLOCK.has(tag)) {
        walk(el);
        continue;
      }
      flush();
      if (HEADING.test(tag)) {
        buffer = el.textContent ?? '';
        flush(true);
        continue;
      }
      if (tag === 'TR') {
        // A table row reads as one line, its cells separated by spaces.
        buffer = Array.from(el.children ?? [])
          .map((c) => (c.textContent ?? '').trim())
          .filter(Boolean)
          .join(' ');
        flush();
        continue;
      }
      walk(el);
      flush();
    }
  };
  walk(document.body as unknown as DomNode);
  flush();
  const titleEl = document.querySelector(titleSelector);
  const title = titleEl ? tidy(titleEl.textContent ?? '').join('') || null : null;
  return { lines, headings, title };
}
