import { describe, expect, it } from 'vitest';
import { redactInputValues } from './redact-input-values.js';

describe('redactInputValues', () => {
  it.each([
    [
      'Variable "$i" got invalid value { files: [{ name: "a.yaml", contents: "kind: Secret\\nstringData:\\n  token: hunter2" }] }; Field "contents" is not defined by type "FileInput". Did you mean "text"?',
      'Variable "$i" got invalid value { files: [{ name: "a.yaml", contents: "…" }] }; Field "contents" is not defined by type "FileInput". Did you mean "text"?',
    ],
    [
      'Expected value of type "String!", found """\n  token: hunter2\n""".',
      'Expected value of type "String!", found "…".',
    ],
    [
      'String cannot represent a non string value: { secret: "a b" }',
      'String cannot represent a non string value: { secret: "…" }',
    ],
    ['Syntax Error: Unexpected string "token: hunter2".', 'Syntax Error: Unexpected string "…".'],
    [
      'Syntax Error: Expected Name, found String "kind: Secret\n  token: "hunter2"\n".',
      'Syntax Error: Expected Name, found String "…".',
    ],
    [
      'Variable "$i" got invalid value "x" at "i.files[0].text"; Expected type "[FileInput!]!".',
      'Variable "$i" got invalid value "x" at "i.files[0].text"; Expected type "[FileInput!]!".',
    ],
    [
      'Cannot query field "versionz" on type "Query".',
      'Cannot query field "versionz" on type "Query".',
    ],
  ])('%s', (message, expected) => {
    expect(redactInputValues(message)).toBe(expected);
  });

  it('redacts an escaped quote inside a value without cutting it short', () => {
    expect(redactInputValues('found "a \\"quoted\\" secret".')).toBe('found "…".');
  });
});
