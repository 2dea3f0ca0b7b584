import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ValidationSettingsBodyDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'MESH, IST or KIA codes never reported (unknown codes are refused)',
    example: ['IST0118', 'KIA0601'],
  })
  disabledCodes?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['Error', 'Warning', 'Info'] },
    description: 'Level per code; a MESH code wins over an IST / KIA one',
    example: { IST0101: 'Warning' },
  })
  levelOverrides?: Record<string, string>;
}

export class ValidationSettingsDto extends ValidationSettingsBodyDto {
  @ApiProperty() environment!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: never set (defaults)' })
  updatedAt!: string | null;
}
