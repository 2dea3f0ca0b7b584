import { Command } from 'commander';
import { registerAnalyzeCommand } from './commands/analyze.command.js';
import { registerCommentCommand } from './commands/comment.command.js';
import { registerGraphCommand } from './commands/graph.command.js';
import { registerImpactCommand } from './commands/impact.command.js';
import { registerIngestCommand } from './commands/ingest.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerTokenCommand } from './commands/token.command.js';
import { registerSimulateCommand } from './commands/simulate.command.js';
import { registerValidateCommand } from './commands/validate.command.js';
import { EXIT_ERROR } from './exit-codes.js';

// `meshlens … | head`: the reader has left. Stop quietly, as Unix tools do, instead of an
// unhandled EPIPE stack trace; the exit code is the command's, if it set one.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    throw error;
  }
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

const program = new Command()
  .name('meshlens')
  .description('What will this Istio config change do?')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_ERROR);
  });

registerServeCommand(program);
registerValidateCommand(program);
registerIngestCommand(program);
registerImpactCommand(program);
registerSimulateCommand(program);
registerGraphCommand(program);
registerAnalyzeCommand(program);
registerCommentCommand(program);
registerTokenCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error: unknown) {
  process.stderr.write(`meshlens: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = EXIT_ERROR;
}
