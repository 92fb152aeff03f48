import { defineRule } from '../rule.js';
import { parseImageRef } from '../../dockerfile/index.js';

export default defineRule<{ image: string }>({
  id: 'image-latest-tag',
  severity: 'warning',
  description: 'FROM should not use the `latest` tag: it changes under you and makes builds unrepeatable.',
  message: (d) => `FROM ${d.image} uses the latest tag: pin a version`,
  aliases: ['DL3007', 'DS-0001', 'CKV_DOCKER_7'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      if (stage.baseStage !== undefined || stage.baseUnresolved) return;
      const ref = parseImageRef(stage.resolvedBase);
      if (ref.tag?.toLowerCase() === 'latest' && ref.digest === undefined) ctx.report({ at: stage.from, data: { image: stage.resolvedBase } });
    },
  }),
});
