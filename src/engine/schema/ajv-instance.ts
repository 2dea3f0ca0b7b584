import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonObject } from '../model/json.js';

/** Base64 as Kubernetes' `byte` format accepts it (standard alphabet, padded). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** RFC 3339 date-time, as strfmt's `date-time` checks it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One ajv instance for every CRD schema: all errors collected (the caller picks the one the API
 * server would report first), unknown keywords tolerated (they were stripped anyway), union types
 * allowed for int-or-string and nullable fields.
 */
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
  formats: {
    byte: { type: 'string', validate: BASE64 },
    'date-time': { type: 'string', validate: DATE_TIME },
    date: { type: 'string', validate: DATE },
  },
});

const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema once per cache key (compilation costs milliseconds; validation microseconds). */
export function compileOnce(cacheKey: string, build: () => JsonObject): ValidateFunction {
  let validate = compiled.get(cacheKey);
  if (validate === undefined) {
    validate = ajv.compile(build());
    compiled.set(cacheKey, validate);
  }
  return validate;
}
