import { cleanRule } from '../helpers/rpm-rules.js';

export default cleanRule('dnf', 'dnf-clean', ['DL3040', 'DS-0019']);
