import { Injectable } from '@nestjs/common';
import {
  NO_VALIDATION_SETTINGS,
  type FindingLevel,
  type ValidationSettings,
} from '../../engine/index.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { DomainError } from '../../platform/errors/domain-error.js';

export interface StoredValidationSettings extends ValidationSettings {
  readonly environment: string;
  /** When they were last set; null when the environment never had any. */
  readonly updatedAt: Date | null;
}

/** Per-environment validation settings (one row per environment, none = defaults). */
@Injectable()
export class ValidationSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  private async environmentId(name: string): Promise<number> {
    const record = await this.prisma.environment.findUnique({
      where: { name },
      select: { id: true },
    });
    if (record === null) {
      throw new DomainError('ENVIRONMENT_NOT_FOUND', `environment "${name}" does not exist`);
    }
    return record.id;
  }

  async get(environment: string): Promise<StoredValidationSettings> {
    const record = await this.prisma.validationSettings.findFirst({
      where: { environment: { name: environment } },
    });
    if (record === null) {
      await this.environmentId(environment); // 404 for an unknown environment
      return { environment, ...NO_VALIDATION_SETTINGS, updatedAt: null };
    }
    return {
      environment,
      disabledCodes: record.disabledCodes,
      levelOverrides: record.levelOverrides as Record<string, FindingLevel>,
      updatedAt: record.updatedAt,
    };
  }

  async set(environment: string, settings: ValidationSettings): Promise<StoredValidationSettings> {
    const environmentId = await this.environmentId(environment);
    const data = {
      disabledCodes: [...settings.disabledCodes],
      levelOverrides: settings.levelOverrides,
      updatedAt: new Date(),
    };
    const record = await this.prisma.validationSettings.upsert({
      where: { environmentId },
      create: { environmentId, ...data },
      update: data,
    });
    return { environment, ...settings, updatedAt: record.updatedAt };
  }
}
