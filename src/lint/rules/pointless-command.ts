import { defineRule } from '../rule.js';
import { toolCalls } from '../helpers/commands.js';

const POINTLESS = new Set(['ssh', 'vim', 'vi', 'nano', 'shutdown', 'reboot', 'service', 'ps', 'free', 'top', 'htop', 'kill', 'mount', 'ifconfig', 'systemctl']);

export default defineRule<{ command: string }>({
  id: 'pointless-command',
  severity: 'info',
  description: 'Some commands make no sense in a build step (ssh, vim, service, systemctl, shutdown, ps, top, kill, mount, ifconfig).',
  message: (d) => `\`${d.command}\` does nothing useful in a build step (no init system, no terminal, no running processes)`,
  aliases: ['DL3001'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    RUN(i) {
      const c = toolCalls(i).find((x) => POINTLESS.has(x.tool) && !(x.tool === 'ssh' && x.args.some((a) => a.startsWith('-'))) && !(x.tool === 'kill' && x.args.length === 0));
      if (c) ctx.report({ at: i, data: { command: c.tool } });
    },
  }),
});
