import { yesRule } from '../helpers/rpm-rules.js';

export default yesRule('yum', 'yum-yes', ['DL3030']);
