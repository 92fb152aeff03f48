import { oncePerStageRule } from '../helpers/once.js';

export default oncePerStageRule('ENTRYPOINT', 'multiple-entrypoint', ['DL4004', 'DS-0007', 'MultipleInstructionsDisallowed']);
