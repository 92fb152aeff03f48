import { pinRule } from '../helpers/rpm-rules.js';

export default pinRule('dnf', 'dnf-pin-versions', ['DL3041']);
