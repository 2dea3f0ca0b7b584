import type { Command } from 'commander';

/** `meshlens serve`: the same as `npm start`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve REST + GraphQL (embedded PostgreSQL unless DATABASE_URL is set; PORT, default 3000)',
    )
    .action(async () => {
      const { serve } = await import('../../serve.js');
      await serve(process.env);
    });
}
