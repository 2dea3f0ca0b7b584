import { Injectable } from '@nestjs/common';
import {
  NO_VALIDATION_SETTINGS,
  type FindingLevel,
  type ValidationSettings,
} from '../../engine/index.js';
import { environmentIdOf } from '../../platform/database/environment-id.js';
import { PrismaService } from '../../platform/database/prisma.service.js';

export interface StoredValidationSettings extends ValidationSettings {
  readonly environment: string;
  /** When they were last set; null when the environment never had any. */
  readonly updatedAt: Date | null;
}

/** Per-environment validation settings (one row per environment, none = defaults). */
@Injectable()
export class ValidationSettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async get(environment: string): Promise<StoredValidationSettings> {
    const record = await this.prisma.validationSettings.findFirst({
      where: { environment: { name: environment } },
    });
    if (record === null) {
      await environmentIdOf(this.prisma, environment); // 404 for an unknown environment
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
    const environmentId = await environmentIdOf(this.prisma, environment);
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
