import { isJsonObject, type JsonObject } from '../../model/json.js';
import { objectAt, objectsAt, stringAt } from '../shared/json.js';
import { compileRe2 } from '../../match/re2-regex.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

const STRING_FIELDS = ['uri', 'scheme', 'method', 'authority'] as const;
const MAP_FIELDS = ['headers', 'queryParams', 'withoutHeaders'] as const;

/** Every `regex` of one HTTP match, with its path. */
function regexesOf(match: JsonObject, base: string): [string, string][] {
  const out: [string, string][] = [];
  for (const field of STRING_FIELDS) {
    const regex = stringAt(objectAt(match, field), 'regex');
    if (regex !== null) {
      out.push([regex, `${base}.${field}.regex`]);
    }
  }
  for (const field of MAP_FIELDS) {
    const map = objectAt(match, field) ?? {};
    for (const [key, value] of Object.entries(map)) {
      const regex = isJsonObject(value) ? stringAt(value, 'regex') : null;
      if (regex !== null) {
        out.push([regex, `${base}.${field}[${key}].regex`]);
      }
    }
  }
  return out;
}

/**
 * Match regexes must compile (`RegexAnalyzer`, istio/istio:pkg/config/analysis/analyzers/
 * virtualservice/regexes.go@86c9f01f). RE2 is approximated by ECMAScript after translation
 * (match/re2-regex.ts), and RE2 rejects backreferences and lookaround.
 */
export const invalidRegexRule: Rule = {
  id: 'virtual-service/invalid-regex',
  description: 'Flags HTTP match regular expressions that RE2 would reject.',
  inputs: ['VirtualService'],
  subject: 'VirtualService',
  messages: ['invalidRegex'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      objectsAt(specOf(vs), 'http').forEach((rule, i) => {
        objectsAt(rule, 'match').forEach((match, j) => {
          for (const [regex, path] of regexesOf(match, fieldPath('spec', 'http', i, 'match', j))) {
            if (
              compileRe2(regex) === null ||
              /\\[1-9]|\(\?[=!<]/.test(regex.replace(/\(\?<[A-Za-z]/g, ''))
            ) {
              ctx.report('invalidRegex', vs, path, { where: path, regex });
            }
          }
        });
      });
    }
  },
};
