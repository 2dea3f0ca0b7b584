import type { LoggerService } from '@nestjs/common';
import { type DestinationStream, pino, type Logger } from 'pino';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Structured JSON logs (one object per line). Authorization headers and anything named like a
 * secret or token are censored should a caller ever log them.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'meshlens' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['authorization', '*.authorization', 'secret', '*.secret', 'token', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/** Nest's LoggerService on pino: Nest passes the context (class name) as the last argument. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    const [stack, ...context] = rest.length > 1 ? rest : [undefined, ...rest];
    this.write('error', message, context, typeof stack === 'string' ? stack : undefined);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[], stack?: string): void {
    const context = rest.at(-1);
    const fields = {
      ...(typeof context === 'string' ? { context } : {}),
      ...(stack === undefined ? {} : { stack }),
    };
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
      return;
    }
    this.logger[level](fields, typeof message === 'string' ? message : JSON.stringify(message));
  }
}
