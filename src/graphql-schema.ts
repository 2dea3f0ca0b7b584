import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { GraphResolver } from './modules/graph/graph.resolver.js';
import { ImpactResolver } from './modules/impact/impact.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { RetentionResolver } from './modules/audit/retention.resolver.js';
import { IngestResolver } from './modules/ingest/ingest.resolver.js';
import { SnapshotsResolver } from './modules/snapshots/snapshots.resolver.js';
import { ValidationsResolver } from './modules/validations/validations.resolver.js';

/** Every resolver of the app: the committed schema.gql is printed from these. */
export const RESOLVERS = [
  SnapshotsResolver,
  IngestResolver,
  ImpactResolver,
  GraphResolver,
  ValidationsResolver,
  AuditResolver,
  RetentionResolver,
];

/** The GraphQL SDL, sorted, without starting the app or a database. */
export async function printGraphqlSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
    return printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}
