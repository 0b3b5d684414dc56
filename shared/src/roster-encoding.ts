import type { TRosterError } from './roster.js';

/** The decoder's words for a file of two encodings (the web translates them). */
export const MIXED_ENCODINGS = 'mixes two text encodings: save the file again as CSV UTF-8';

export type TRosterEncoding = 'utf-8' | 'utf-16' | 'windows-1252';
export type TRosterText =
  { ok: true; text: string; encoding: TRosterEncoding } | { ok: false; errors: TRosterError[] };

/** A byte of UTF-8's multi-byte sequences: a lead byte followed by its continuation bytes. */
const UTF8_SEQUENCE = /[\xC2-\xF4][\x80-\xBF]+/;

/**
 * The text of a roster file, whatever spreadsheet wrote it: UTF-8 (with or without its BOM),
 * UTF-16 (with its BOM, as "Unicode text" exports are), or Windows-1252 (Excel's "CSV" in
 * French or English Windows: é is one byte). A file that is not valid UTF-8 yet holds UTF-8
 * sequences is two encodings mixed: refused, naming the line of the first bad byte, rather than
 * stored with wrong letters.
 */
export function decodeRoster(bytes: Uint8Array): TRosterText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    // TextDecoder drops a UTF-8 BOM by itself.
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    const latin = new TextDecoder('latin1').decode(bytes); // one char per byte, to look at bytes
    if (UTF8_SEQUENCE.test(latin)) {
      const line = lineOfFirstBadByte(bytes);
      return {
        ok: false,
        errors: [
          {
            line,
            field: 'file',
            message: MIXED_ENCODINGS,
          },
        ],
      };
    }
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
    };
  }
}

function utf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): TRosterText {
  return { ok: true, text: new TextDecoder(label).decode(bytes), encoding: 'utf-16' };
}

/** The 1-based line of the first byte that does not decode as UTF-8. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, index));
    } catch {
      return line;
    }
    line++;
    start = index + 1;
  }
  return line;
}
