// Which bytes gitops-bump can edit as text: UTF-8 only (with or without a BOM). Every other file is skipped
// with a reason that names what it is, so a UTF-16 file saved by a Windows editor is not called "binary".
import { isUtf8 } from 'node:buffer';

const ADVICE = 'gitops-bump reads UTF-8 only: convert the file to UTF-8 to have it edited';

/** Byte-order marks of the Unicode encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE). */
const MARKS: ReadonlyArray<{ readonly bytes: readonly number[]; readonly name: string }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32 LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32 BE' },
  { bytes: [0xff, 0xfe], name: 'UTF-16 LE' },
  { bytes: [0xfe, 0xff], name: 'UTF-16 BE' },
];

/**
 * The skip reason for bytes that start with a UTF-16 or UTF-32 byte-order mark
 * (`UTF-16 LE encoded (BOM FF FE); gitops-bump reads UTF-8 only: …`), else undefined. Such bytes are never
 * valid UTF-8 (FF and FE never occur in it), so a UTF-8 file is never taken for one.
 */
export function unicodeMarkReason(bytes: Uint8Array): string | undefined {
  // Every mark starts with FF, FE or 00: a cheap first look, since every file of a local read passes here.
  const first = bytes[0];
  if (first !== 0xff && first !== 0xfe && first !== 0x00) return undefined;
  const mark = MARKS.find((m) => m.bytes.length <= bytes.length && m.bytes.every((b, i) => bytes[i] === b));
  if (mark === undefined) return undefined;
  const hex = mark.bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return `${mark.name} encoded (BOM ${hex}); ${ADVICE}`;
}

/**
 * Why `bytes` cannot be edited as text, or undefined when they are UTF-8: a UTF-16 or UTF-32 byte-order mark
 * ({@link unicodeMarkReason}), a NUL byte (`binary file`), or bytes that are not UTF-8.
 */
export function unreadableText(bytes: Uint8Array): string | undefined {
  const marked = unicodeMarkReason(bytes);
  if (marked !== undefined) return marked;
  if (bytes.includes(0)) return 'binary file';
  // Decoding invalid UTF-8 would replace bytes with U+FFFD and a write would corrupt them: never edited.
  if (!isUtf8(bytes)) return 'not valid UTF-8 text';
  return undefined;
}

/**
 * True when a blob of `size` bytes could be UTF-16 or UTF-32 text with a byte-order mark (an even size of at
 * least 2 bytes), so that a "binary" or "not UTF-8" verdict made without its bytes is worth checking on them.
 */
export function mayHaveUnicodeMark(size: number): boolean {
  return size >= 2 && size % 2 === 0;
}
