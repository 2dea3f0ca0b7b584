import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import { RateLimiter } from './rate-limiter.js';
import { grants, PUBLIC_ROUTE, REQUIRED_SCOPE, type TokenScope } from './scopes.js';
import { TOKEN_STORE } from './auth.tokens.js';
import type { ApiTokenInfo, TokenStore } from './token-store.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Target {
  readonly request: Request;
  readonly isWrite: boolean;
  /** The environment the operation touches, when it names one. */
  readonly environment: string | undefined;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

function describeTarget(context: ExecutionContext): Target {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context);
    const args: unknown = gql.getArgs();
    const input: unknown =
      typeof args === 'object' && args !== null ? (args as Record<string, unknown>)['input'] : null;
    return {
      request: gql.getContext<{ req: Request }>().req,
      isWrite: gql.getInfo<{ operation: { operation: string } }>().operation.operation !== 'query',
      environment: stringField(args, 'environment') ?? stringField(input, 'environment'),
    };
  }
  const request = context.switchToHttp().getRequest<Request>();
  return {
    request,
    isWrite: WRITE_METHODS.has(request.method.toUpperCase()),
    environment: stringField(request.params, 'env'),
  };
}

function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) {
    return undefined;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * One global guard for REST and GraphQL (resolvers only; field resolvers are not guarded):
 * writes need a token with the route's scope, reads need `read` when MESHLENS_AUTH_READS=true.
 * Error messages never echo the presented token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOKEN_STORE) private readonly tokens: TokenStore,
  ) {
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
  }

  private readonly limiter: RateLimiter;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.authEnabled || this.isPublic(context)) {
      return true;
    }
    const target = describeTarget(context);
    const required =
      this.reflector.getAllAndOverride<TokenScope | undefined>(REQUIRED_SCOPE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? (target.isWrite ? 'admin' : 'read');
    if (required === 'read' && !this.config.authReads) {
      return true;
    }
    const secret = bearer(target.request);
    if (secret === undefined) {
      throw new DomainError('UNAUTHENTICATED', 'an API token is required (Authorization: Bearer)');
    }
    const token = await this.tokens.authenticate(secret);
    if (token === null) {
      throw new DomainError('UNAUTHENTICATED', 'the API token is unknown or revoked');
    }
    checkToken(token, required, target.environment);
    const wait = this.limiter.take(token.id);
    if (wait > 0) {
      throw new DomainError('RATE_LIMITED', `token ${token.id} is over its request rate`, {
        retryAfterSeconds: wait,
      });
    }
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}

function checkToken(
  token: ApiTokenInfo,
  required: TokenScope,
  environment: string | undefined,
): void {
  if (!grants(token.scopes, required)) {
    throw new DomainError('FORBIDDEN', `token ${token.id} lacks the '${required}' scope`);
  }
  if (token.environments.length === 0) {
    return;
  }
  if (environment === undefined) {
    // An environment-limited token may read global lists but not change global state.
    if (required !== 'read') {
      throw new DomainError('FORBIDDEN', `token ${token.id} is limited to some environments`);
    }
    return;
  }
  if (!token.environments.includes(environment)) {
    throw new DomainError(
      'FORBIDDEN',
      `token ${token.id} may not use environment '${environment}'`,
    );
  }
}
