import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { SqlService } from '../../platform/database/sql.service.js';
import { PublicRoute } from '../../platform/auth/scopes.js';

@ApiTags('health')
@Controller()
@PublicRoute()
export class HealthController {
  constructor(private readonly db: SqlService) {}

  @Get('healthz')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Liveness: the process serves requests' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOperation({ summary: 'Readiness: the database answers' })
  @ApiOkResponse({ schema: { example: { status: 'ready', database: 'ok' } } })
  @ApiServiceUnavailableResponse({
    schema: { example: { status: 'not ready', database: 'unreachable' } },
  })
  async readyz(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; database: string }> {
    try {
      await Promise.race([
        this.db.sql`SELECT 1`,
        new Promise((_, reject) =>
          setTimeout(() => {
            reject(new Error('timeout'));
          }, 2000),
        ),
      ]);
      return { status: 'ready', database: 'ok' };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'not ready', database: 'unreachable' };
    }
  }
}
