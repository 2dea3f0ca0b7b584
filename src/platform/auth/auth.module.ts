import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SqlService } from '../database/sql.service.js';
import { AuthGuard } from './auth.guard.js';
import { TOKEN_STORE } from './auth.tokens.js';
import { TokenStore } from './token-store.js';
import { TokensController } from './tokens.controller.js';

@Module({
  controllers: [TokensController],
  providers: [
    {
      provide: TOKEN_STORE,
      useFactory: (db: SqlService) => new TokenStore(db.sql),
      inject: [SqlService],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
