import { describe, expect, it } from 'vitest';
import { createLogger, PinoNestLogger } from './pino-logger.js';

function capture(): { lines: Record<string, unknown>[]; write: (line: string) => void } {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe('structured logs', () => {
  it('Nest messages become JSON lines with level, context and message', () => {
    const out = capture();
    const nest = new PinoNestLogger(createLogger('info', out));
    nest.log('listening', 'meshlens');
    nest.debug('hidden at info', 'x');
    nest.error('boom', 'stack line', 'Filter');
    expect(out.lines).toMatchObject([
      { level: 30, context: 'meshlens', msg: 'listening', service: 'meshlens' },
      { level: 50, context: 'Filter', msg: 'boom', stack: 'stack line' },
    ]);
    expect(out.lines).toHaveLength(2);
  });

  it('an Error keeps its message and stack instead of serialising to {}', () => {
    const out = capture();
    new PinoNestLogger(createLogger('info', out)).error(new Error('db down'));
    expect(out.lines[0]).toMatchObject({ msg: 'db down', err: { message: 'db down' } });
  });

  it('authorization headers, secrets and tokens are censored', () => {
    const out = capture();
    const secret = `ml_0123456789abcdef_${'x'.repeat(43)}`;
    createLogger('info', out).info({ req: { authorization: `Bearer ${secret}` }, token: secret });
    expect(JSON.stringify(out.lines)).not.toContain(secret);
  });
});
