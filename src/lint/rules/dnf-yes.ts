import { yesRule } from '../helpers/rpm-rules.js';

export default yesRule('dnf', 'dnf-yes', ['DL3038']);
