import { oncePerStageRule } from '../helpers/once.js';

export default oncePerStageRule('HEALTHCHECK', 'multiple-healthcheck', ['DL3012', 'DS-0023', 'MultipleInstructionsDisallowed']);
