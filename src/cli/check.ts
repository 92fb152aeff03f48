import type { Command } from 'commander';
import { UserError } from '../util/errors.js';

// Placeholder: the owner of `stagecraft check` replaces this file.
export function register(program: Command): void {
  program
    .command('check')
    .description('(not implemented yet)')
    .action(() => {
      throw new UserError('stagecraft check is not implemented yet');
    });
}
