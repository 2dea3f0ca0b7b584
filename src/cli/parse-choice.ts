import { EXIT_ERROR } from './exit-codes.js';

/** Either a value or the message explaining why the flag is wrong. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * An enumerated flag (`--format`, `--fail-on`, `--scheme`…): the value when it is one of
 * `choices`, else the one message every command prints for a bad value, naming both:
 * `--format must be one of json, text, not "xml"`. With `ignoreCase`, any case is accepted and
 * the choice is answered as `choices` spells it.
 */
export function parseChoice<const T extends string>(
  flag: string,
  value: string,
  choices: readonly T[],
  options: { readonly ignoreCase?: boolean } = {},
): Parsed<T> {
  const fold = (text: string): string => (options.ignoreCase === true ? text.toLowerCase() : text);
  const found = choices.find((choice) => fold(choice) === fold(value));
  return found === undefined
    ? { ok: false, message: `${flag} must be one of ${choices.join(', ')}, not "${value}"` }
    : { ok: true, value: found };
}

/** As parseChoice, for a flag without a default: absent is fine (undefined). */
export function parseOptionalChoice<const T extends string>(
  flag: string,
  value: string | undefined,
  choices: readonly T[],
): Parsed<T | undefined> {
  return value === undefined ? { ok: true, value: undefined } : parseChoice(flag, value, choices);
}

/** Prints a usage error as `meshlens <command>: <message>` and answers its exit code, 2. */
export function usageError(
  command: string,
  message: string,
  stderr: (text: string) => void = (text) => process.stderr.write(text),
): number {
  stderr(`meshlens ${command}: ${message}\n`);
  return EXIT_ERROR;
}
