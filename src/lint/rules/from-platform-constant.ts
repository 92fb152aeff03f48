import { defineRule } from '../rule.js';

export default defineRule<{ platform: string }>({
  id: 'from-platform-constant',
  severity: 'warning',
  description: 'FROM --platform should not be a constant: it pins the build to one architecture; use $BUILDPLATFORM / $TARGETPLATFORM or leave it out.',
  message: (d) => `FROM --platform=${d.platform} forces one platform: builds for other platforms get the wrong image; use --platform=$BUILDPLATFORM for build stages, or no flag`,
  aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
  scope: 'all',
  preset: 'recommended',
  create: (ctx) => ({
    stage(stage) {
      const p = stage.platform;
      if (p !== undefined && p !== '' && !p.includes('$')) ctx.report({ at: stage.from, data: { platform: p } });
    },
  }),
});
