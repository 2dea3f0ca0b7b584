import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from './modules/audit/audit.module.js';
import { GraphModule } from './modules/graph/graph.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImpactModule } from './modules/impact/impact.module.js';
import { IngestModule } from './modules/ingest/ingest.module.js';
import { SnapshotsModule } from './modules/snapshots/snapshots.module.js';
import { ValidationsModule } from './modules/validations/validations.module.js';
import { APP_CONFIG, type AppConfig } from './platform/config/app-config.js';
import { AuthModule } from './platform/auth/auth.module.js';
import { InFlightRequests } from './platform/http/in-flight-requests.js';
import { MetricsModule } from './platform/metrics/metrics.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { queryCostPlugin } from './platform/graphql/query-cost.plugin.js';
import { formatGraphqlError } from './platform/graphql/format-error.js';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forUrl(options.databaseUrl),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: true,
          csrfPrevention: true,
          formatError: formatGraphqlError,
          // Stack traces name server paths and may quote input; never sent (NODE_ENV or not).
          includeStacktraceInErrorResponses: false,
          plugins: [queryCostPlugin(options.config.graphqlLimits)],
        }),
        HealthModule,
        SnapshotsModule,
        IngestModule,
        ImpactModule,
        GraphModule,
        ValidationsModule,
        AuditModule,
        AuthModule,
        MetricsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: InFlightRequests, useFactory: () => new InFlightRequests() },
      ],
      exports: [APP_CONFIG, InFlightRequests],
      global: true,
    };
  }
}
