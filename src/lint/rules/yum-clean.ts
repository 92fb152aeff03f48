import { cleanRule } from '../helpers/rpm-rules.js';

export default cleanRule('yum', 'yum-clean', ['DL3032', 'DS-0015']);
