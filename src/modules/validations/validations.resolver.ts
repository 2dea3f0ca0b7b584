import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ValidationFilterInput, VersionValidations } from './models/validations.model.js';
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
}
