import type { JsonObject } from '../model/json.js';
import { compileOnce } from './ajv-instance.js';
import { ajvViolations } from './ajv-violation.js';
import { istioSchema } from './istio-crd-catalog.js';
import type { SchemaViolation } from './schema-violation.js';
import { checkStructure } from './structural-check.js';
import { buildStructuralPlan, type StructuralNode } from './structural-plan.js';
import { toAjvSchema } from './to-ajv-schema.js';

const plans = new Map<number, StructuralNode | null>();

function structuralPlanFor(schemaIndex: number): StructuralNode | null {
  let plan = plans.get(schemaIndex);
  if (plan === undefined) {
    plan = buildStructuralPlan(istioSchema(schemaIndex));
    plans.set(schemaIndex, plan);
  }
  return plan;
}

/**
 * Validates an Istio object against its CRD version schema the way the API server does on
 * create, returning every violation in the order the API server lists them: OpenAPI (types,
 * enums, bounds, required; unknown fields refused as with kubectl's default Strict field
 * validation), then list-type uniqueness and CEL rules, which the API server skips after a type
 * or enum error. Both validators are built once per schema.
 */
export function validateIstioObject(object: JsonObject, schemaIndex: number): SchemaViolation[] {
  const validate = compileOnce(`istio#${schemaIndex}`, () => toAjvSchema(istioSchema(schemaIndex)));
  const schema = validate(object)
    ? { violations: [], isBlocking: false }
    : ajvViolations(validate.errors ?? [], object, false);
  const plan = schema.isBlocking ? null : structuralPlanFor(schemaIndex);
  if (plan !== null) {
    checkStructure(plan, object, [], schema.violations);
  }
  return schema.violations;
}

/** Compiles every rule of every Istio schema now (tests and start-up checks; normally lazy). */
export function compileAllIstioSchemas(count: number): void {
  for (let index = 0; index < count; index += 1) {
    structuralPlanFor(index);
    compileOnce(`istio#${index}`, () => toAjvSchema(istioSchema(index)));
  }
}
