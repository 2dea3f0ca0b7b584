import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

/** The OpenAPI security scheme (DocumentBuilder.addBearerAuth in app.factory.ts). */
export const BEARER_SCHEME = 'bearer';

export class ApiErrorDetailDto {
  @ApiProperty({ example: 'UNAUTHENTICATED', description: 'A stable error code' })
  code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'With 429: seconds to wait (also in Retry-After)' })
  retryAfterSeconds?: number;
}

/** Every REST error: `{ "error": { code, message, ... } }` (http-exception.filter.ts). */
export class ApiErrorDto {
  @ApiProperty({ type: ApiErrorDetailDto }) error!: ApiErrorDetailDto;
}

/**
 * On a controller (or an operation) the AuthGuard guards: the bearer scheme plus its 401, 403 and
 * 429 answers. Writes always need a token when MESHLENS_AUTH is on; reads only with
 * MESHLENS_AUTH_READS=true. Not for @PublicRoute() controllers (health, metrics).
 */
export const ApiTokenAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({
      type: ApiErrorDto,
      description:
        'UNAUTHENTICATED: no API token, or an unknown or revoked one (when auth is on; reads only with MESHLENS_AUTH_READS=true)',
    }),
    ApiForbiddenResponse({
      type: ApiErrorDto,
      description: "FORBIDDEN: the token lacks the operation's scope or its environment",
    }),
    ApiTooManyRequestsResponse({
      type: ApiErrorDto,
      description: 'RATE_LIMITED: the token is over MESHLENS_RATE_LIMIT (see Retry-After)',
    }),
  );

/** 404 for an operation naming something that may not exist, e.g. "environment or version". */
export const ApiUnknown = (what: string): MethodDecorator & ClassDecorator =>
  ApiNotFoundResponse({ type: ApiErrorDto, description: `No such ${what}` });
