import { defineRule } from '../rule.js';
import { isScratch, parseImageRef } from '../../dockerfile/index.js';

export default defineRule<{ image: string }>({
  id: 'image-untagged',
  severity: 'warning',
  description: 'FROM should name a tag or digest: an untagged image means whatever `latest` is on the day of the build.',
  message: (d) => `FROM ${d.image} has no tag: pin one (e.g. ${d.image}:<version>) or a digest`,
  aliases: ['DL3006', 'CKV_DOCKER_7'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      if (stage.baseStage !== undefined || stage.baseUnresolved || isScratch(stage.resolvedBase) || stage.resolvedBase === '') return;
      const ref = parseImageRef(stage.resolvedBase);
      if (ref.tag === undefined && ref.digest === undefined) ctx.report({ at: stage.from, data: { image: stage.resolvedBase } });
    },
  }),
});
