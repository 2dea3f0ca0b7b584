import type { Writable } from 'node:stream';

/** Escapes one value for PostgreSQL's COPY text format: backslash, tab, newline, CR. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) {
    return '\\N';
  }
  if (typeof value !== 'string') {
    return String(value);
  }
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

const CHUNK_BYTES = 1 << 20;

/** Writes rows to a COPY ... FROM STDIN stream in ~1 MB chunks, honouring back-pressure. */
export async function writeCopyRows(
  stream: Writable,
  rows: Iterable<readonly (string | number | boolean | null)[]>,
): Promise<void> {
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    // `on`, not `once`: a broken connection can emit more than one error (ECONNRESET on each write).
    stream.on('error', reject);
  });
  finished.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  let chunk = '';
  for (const row of rows) {
    chunk += row.map(copyField).join('\t') + '\n';
    if (chunk.length >= CHUNK_BYTES) {
      if (!stream.write(chunk)) {
        // An error instead of 'drain' must end the wait, not leave it pending forever.
        await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), finished]);
      }
      chunk = '';
    }
  }
  stream.end(chunk);
  await finished;
}
