/**
 * Writes minimal, valid PDF files for tests: each line of text is drawn with a Type0 (CID) font in Identity-H
 * encoding, one 2-byte code per character (its UTF-16 unit), with a ToUnicode CMap so that a reader extracts the
 * text exactly. No glyphs are embedded: the page would show boxes in a viewer, but the text layer is real.
 * `scanned: true` gives a page with no text at all (what a scanner produces, minus the image); `encrypted: true`
 * adds a Standard security handler whose user password is not empty, so the file cannot be opened without one.
 */
export interface MakePdfOptions {
  /** Lines per page. */
  pages?: string[][];
  scanned?: boolean;
  encrypted?: boolean;
  title?: string;
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

function toUnicodeCMap(chars: readonly number[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const slice = chars.slice(i, i + 100);
    blocks.push(`${slice.length} beginbfchar\n${slice.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

export function makePdf(options: MakePdfOptions = {}): Buffer {
  const pages = options.scanned ? [[]] : (options.pages ?? [['示例文本。']]);
  const used = [...new Set(pages.flat().flatMap((l) => Array.from(l).map((ch) => ch.charCodeAt(0))))].sort((a, b) => a - b);
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: string): string =>
    `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;

  const catalog = add(''); // filled in below
  const pagesObj = add('');
  const cmap = add(stream('', toUnicodeCMap(used)));
  const descendant = add(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ' +
      `${objects.length + 2} 0 R /DW 1000 >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${cmap} 0 R >>`);
  add('<< /Type /FontDescriptor /FontName /TestSong /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines
      .map((line, i) => {
        const codes = Array.from(line)
          .map((ch) => hex4(ch.charCodeAt(0)))
          .join('');
        return `BT /F1 12 Tf 50 ${780 - i * 18} Td <${codes}> Tj ET`;
      })
      .join('\n');
    const content = add(stream('', ops));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let info = 0;
  if (options.title) {
    const t = Buffer.from(`\uFEFF${options.title}`, 'utf16le');
    // UTF-16BE with BOM, as PDF text strings are written.
    const be = Buffer.alloc(t.length);
    for (let i = 0; i + 1 < t.length; i += 2) {
      be[i] = t[i + 1]!;
      be[i + 1] = t[i]!;
    }
    info = add(`<< /Title <${be.toString('hex')}> >>`);
  }
  let encrypt = 0;
  if (options.encrypted) {
    encrypt = add(
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'a5'.repeat(32)}> /U <${'5a'.repeat(32)}> >>`,
    );
  }

  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = '0123456789abcdef0123456789abcdef';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
