import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error.js';
import { TOKEN_STORE } from './auth.tokens.js';
import { ApiErrorDto, ApiTokenAuth, ApiUnknown } from './api-docs.js';
import { parseScopes, RequireScope } from './scopes.js';
import type { ApiTokenInfo, CreatedToken, TokenStore } from './token-store.js';
import { CreateTokenBodyDto } from './token.dto.js';

/** The /api routes keep bodies as text; token creation takes a JSON object. */
function jsonObject(body: unknown): Record<string, unknown> {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      throw new DomainError('INVALID_ARGUMENT', 'the body must be a JSON object');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DomainError('INVALID_ARGUMENT', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) {
    return [];
  }
  if (
    !Array.isArray(value) ||
    !value.every((v): v is string => typeof v === 'string' && v !== '')
  ) {
    throw new DomainError('INVALID_ARGUMENT', `${field} must be a list of non-empty strings`);
  }
  return value;
}

/** API tokens (admin scope). The secret is in the creation response only. */
@ApiTags('tokens')
@ApiTokenAuth()
@Controller('api/v1/tokens')
@RequireScope('admin')
export class TokensController {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {}

  @Post()
  @ApiOperation({
    summary:
      'Create a token: {"name", "scopes": ["ingest"], "environments": []} (secret shown once)',
  })
  @ApiBody({ type: CreateTokenBodyDto })
  @ApiCreatedResponse({ description: 'The token, with its secret (shown this once)' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_ARGUMENT: a bad field' })
  async create(@Body() body: unknown): Promise<CreatedToken> {
    const input = jsonObject(body);
    const name = input['name'];
    if (typeof name !== 'string' || name.trim() === '') {
      throw new DomainError('INVALID_ARGUMENT', 'name must be a non-empty string');
    }
    let scopes;
    try {
      scopes = parseScopes(input['scopes']);
    } catch (error) {
      throw new DomainError('INVALID_ARGUMENT', (error as Error).message);
    }
    const environments = stringList(input['environments'], 'environments');
    return this.tokens.create({ name, scopes, environments });
  }

  @Get()
  @ApiOperation({ summary: 'List tokens (never their secrets)' })
  list(): Promise<ApiTokenInfo[]> {
    return this.tokens.list();
  }

  @Delete(':id')
  @ApiUnknown('active token')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a token' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(@Param('id') id: string): Promise<void> {
    if (!(await this.tokens.revoke(id))) {
      throw new DomainError('TOKEN_NOT_FOUND', `no active token '${id}'`);
    }
  }
}
