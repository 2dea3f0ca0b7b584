import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScope } from '../../platform/auth/scopes.js';
import { readLevelOverrides } from './validation-settings-input.js';
import type { StoredValidationSettings } from './validation-settings.repository.js';
import {
  ValidationFilterInput,
  ValidationSettings,
  ValidationSettingsInput,
  VersionValidations,
} from './models/validations.model.js';
import { ValidationsService, type VersionValidations as Result } from './validations.service.js';

export function toValidationsView(result: Result): VersionValidations {
  const byLevel: Record<string, number> = {};
  for (const f of result.findings) {
    byLevel[f.level] = (byLevel[f.level] ?? 0) + 1;
  }
  return {
    environment: result.environment,
    version: result.version,
    total: result.findings.length,
    findings: result.findings.map((f) => ({
      ...f,
      istioCode: f.istioCode ?? null,
      kialiCode: f.kialiCode ?? null,
      line: f.line ?? null,
    })),
    byLevel,
    disabledBySettings: result.disabledBySettings,
  };
}

@Resolver()
export class ValidationsResolver {
  constructor(private readonly service: ValidationsService) {}

  @Query(() => VersionValidations, {
    description: 'Validation findings of a version (default latest)',
  })
  async validations(
    @Args('environment') environment: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @Args('asOf', { type: () => Date, nullable: true }) asOf: Date | null,
    @Args('filter', { type: () => ValidationFilterInput, nullable: true })
    filter: ValidationFilterInput | null,
  ): Promise<VersionValidations> {
    const given = Object.entries(filter ?? {}).filter(([, value]) => typeof value === 'string');
    const result = await this.service.forVersion(
      environment,
      version ?? 'latest',
      asOf ?? undefined,
      Object.fromEntries(given),
    );
    return toValidationsView(result);
  }

  @Query(() => ValidationSettings, { description: "The environment's validation settings" })
  validationSettings(@Args('environment') environment: string): Promise<StoredValidationSettings> {
    return this.service.getSettings(environment);
  }

  @RequireScope('admin')
  @Mutation(() => ValidationSettings, {
    description:
      'Replace the validation settings (unknown codes or levels are refused); applied when findings are read',
  })
  setValidationSettings(
    @Args('environment') environment: string,
    @Args('input') input: ValidationSettingsInput,
  ): Promise<StoredValidationSettings> {
    return this.service.setSettings(environment, {
      disabledCodes: input.disabledCodes,
      levelOverrides: readLevelOverrides(input.levelOverrides),
    });
  }
}
