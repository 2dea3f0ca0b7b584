import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../platform/errors/domain-error.js';
import { parseTimestamp, parseVersionRef } from '../snapshots/snapshots.service.js';
import { GraphService } from './graph.service.js';
import { toSimulateRequest, type SimulateRequestLike } from './simulate-request.mapper.js';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ApiTokenAuth, ApiUnknown } from '../../platform/auth/api-docs.js';

/** The /api routes keep bodies as text (manifests); simulate takes a JSON object. */
function jsonBody(body: unknown): SimulateRequestLike {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      throw new DomainError('INVALID_ARGUMENT', 'the body must be a JSON object');
    }
  }
  return typeof value === 'object' && value !== null ? value : {};
}

@ApiTags('graph')
@ApiTokenAuth()
@Controller('api/v1/environments')
export class GraphController {
  constructor(private readonly graphs: GraphService) {}

  private resolve(env: string, version: string | undefined, asOf: string | undefined) {
    return this.graphs.resolve(
      env,
      parseVersionRef(version ?? 'latest'),
      asOf === undefined ? undefined : parseTimestamp(asOf),
    );
  }

  @Post(':env/simulate')
  @ApiUnknown('environment or version')
  @RequireScope('read') // computes, stores nothing
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Simulate one request and return the decision trace (contracts/simulate.md)',
  })
  @ApiQuery({
    name: 'version',
    required: false,
    description: 'Version number or "latest" (default)',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['from', 'host'],
      properties: {
        from: { type: 'string', example: 'default/productpage-v1' },
        host: { type: 'string', example: 'reviews' },
        port: { type: 'integer' },
        method: { type: 'string' },
        path: { type: 'string' },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
        scheme: { type: 'string', enum: ['http', 'https'] },
        sourceLabels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  })
  @ApiOkResponse({
    description: 'The trace, schemaVersion 1',
    schema: { type: 'object', additionalProperties: true },
  })
  async simulate(
    @Param('env') env: string,
    @Query('version') version: string | undefined,
    @Query('asOf') asOf: string | undefined,
    @Body() body: unknown,
  ): Promise<unknown> {
    const r = await this.resolve(env, version, asOf);
    return this.graphs.simulate(r, toSimulateRequest(jsonBody(body)));
  }

  @Get(':env/reachability')
  @ApiUnknown('environment or version')
  @ApiOperation({
    summary: 'Reachability edges (SEMANTICS §0), optionally from one source and/or to one workload',
  })
  @ApiQuery({ name: 'version', required: false })
  @ApiQuery({
    name: 'from',
    required: false,
    description:
      'Workload id or external:<ns>/<gateway>; one the version does not have: 400 (simulateCode UNKNOWN_WORKLOAD or UNKNOWN_GATEWAY)',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'Workload id; one the version does not have: 400 (UNKNOWN_WORKLOAD)',
  })
  @ApiOkResponse({
    schema: {
      example: {
        version: 3,
        edges: [{ from: 'default/productpage-v1', to: 'default/reviews-v1', reason: '…' }],
        unreachableWorkloads: [],
        exposures: [],
      },
    },
  })
  async reachability(
    @Param('env') env: string,
    @Query('version') version: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('asOf') asOf: string | undefined,
  ): Promise<unknown> {
    const r = await this.resolve(env, version, asOf);
    return {
      environment: env,
      version: r.version,
      edges: this.graphs.reachability(r, from, to),
      unreachableWorkloads: this.graphs.unreachableWorkloads(r),
      exposures: r.reach.exposures,
      notes: r.reach.notes,
    };
  }
}
