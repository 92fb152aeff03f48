import type { Command } from 'commander';
import { UserError } from '../util/errors.js';

// Placeholder: the owner of `stagecraft rules` replaces this file.
export function register(program: Command): void {
  program
    .command('rules')
    .description('(not implemented yet)')
    .action(() => {
      throw new UserError('stagecraft rules is not implemented yet');
    });
}
