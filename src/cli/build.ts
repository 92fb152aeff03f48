import type { Command } from 'commander';
import { UserError } from '../util/errors.js';

// Placeholder: the owner of `stagecraft build` replaces this file.
export function register(program: Command): void {
  program
    .command('build')
    .description('(not implemented yet)')
    .action(() => {
      throw new UserError('stagecraft build is not implemented yet');
    });
}
