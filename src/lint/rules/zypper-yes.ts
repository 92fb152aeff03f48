import { yesRule } from '../helpers/rpm-rules.js';

export default yesRule('zypper', 'zypper-yes', ['DL3034']);
