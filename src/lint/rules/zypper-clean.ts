import { cleanRule } from '../helpers/rpm-rules.js';

export default cleanRule('zypper', 'zypper-clean', ['DL3036', 'DS-0020']);
