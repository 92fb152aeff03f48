import { pinRule } from '../helpers/rpm-rules.js';

export default pinRule('yum', 'yum-pin-versions', ['DL3033']);
