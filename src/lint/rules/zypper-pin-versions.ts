import { pinRule } from '../helpers/rpm-rules.js';

export default pinRule('zypper', 'zypper-pin-versions', ['DL3037']);
