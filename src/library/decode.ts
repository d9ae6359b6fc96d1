/**
 * Text decoding for .txt, .md and .html: UTF-8 (with or without BOM), UTF-16 with a BOM, and GBK/GB18030, the
 * encoding many government files still use. Node's TextDecoder (full ICU) decodes GB18030, a superset of GBK.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Decodes bytes: a BOM decides; otherwise strict UTF-8, and GB18030 when the bytes are not valid UTF-8 (GBK text is
 * almost never valid UTF-8: its two-byte sequences break UTF-8's continuation rules). `declared` (an HTML meta
 * charset) is honoured when it names GBK, GB2312 or GB18030.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (declared && /^(?:gbk|gb2312|gb18030|x-gbk)$/i.test(declared.trim())) {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
