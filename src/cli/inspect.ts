import type { Command } from 'commander';
import { UserError } from '../util/errors.js';

// Placeholder: the owner of `stagecraft inspect` replaces this file.
export function register(program: Command): void {
  program
    .command('inspect')
    .description('(not implemented yet)')
    .action(() => {
      throw new UserError('stagecraft inspect is not implemented yet');
    });
}
