import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_URL } from './database.tokens.js';
import { PrismaService } from './prisma.service.js';
import { SqlService } from './sql.service.js';

@Global()
@Module({})
export class DatabaseModule {
  static forUrl(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: url }, PrismaService, SqlService],
      exports: [PrismaService, SqlService],
    };
  }
}
