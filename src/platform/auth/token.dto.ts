import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOKEN_SCOPES } from './scopes.js';

/** The body of POST /api/v1/tokens (read by tokens.controller.ts, which checks each field). */
export class CreateTokenBodyDto {
  @ApiProperty({ example: 'ci-prod', description: 'A label for lists and logs (non-empty)' })
  name!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...TOKEN_SCOPES] },
    minItems: 1,
    example: ['ingest', 'read'],
    description: 'At least one scope; `admin` implies the other two',
  })
  scopes!: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['prod'],
    description: 'Environments the token may use; omitted or empty: all environments',
  })
  environments?: string[];
}
