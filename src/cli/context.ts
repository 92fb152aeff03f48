import type { Command } from 'commander';
import { UserError } from '../util/errors.js';

// Placeholder: the owner of `stagecraft context` replaces this file.
export function register(program: Command): void {
  program
    .command('context')
    .description('(not implemented yet)')
    .action(() => {
      throw new UserError('stagecraft context is not implemented yet');
    });
}
