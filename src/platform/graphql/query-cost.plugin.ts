import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { measureQuery, type QueryCost } from './query-cost.js';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
}

/**
 * Rejects operations deeper or costlier than the limits (400, code QUERY_TOO_COMPLEX) and reports
 * the measured cost of every operation in `extensions.cost` of the response.
 */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    requestDidStart() {
      let measured: QueryCost | undefined;
      return Promise.resolve({
        didResolveOperation(context) {
          if (context.operation === undefined) {
            return Promise.resolve();
          }
          measured = measureQuery(
            context.schema,
            context.document,
            context.operation,
            context.request.variables ?? {},
          );
          const report = { ...measured, ...limits };
          if (measured.depth > limits.maxDepth || measured.cost > limits.maxCost) {
            return Promise.reject(
              new GraphQLError(
                `query too complex: depth ${measured.depth} (max ${limits.maxDepth}), ` +
                  `cost ${measured.cost} (max ${limits.maxCost})`,
                { extensions: { code: 'QUERY_TOO_COMPLEX', cost: report, http: { status: 400 } } },
              ),
            );
          }
          return Promise.resolve();
        },
        willSendResponse(context) {
          const { body } = context.response;
          if (measured !== undefined && body.kind === 'single') {
            body.singleResult.extensions = {
              ...body.singleResult.extensions,
              cost: { ...measured, ...limits },
            };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
