import { oncePerStageRule } from '../helpers/once.js';

export default oncePerStageRule('CMD', 'multiple-cmd', ['DL4003', 'DS-0016', 'MultipleInstructionsDisallowed']);
