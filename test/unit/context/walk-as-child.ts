// Runs one walk and prints its result as JSON: walk.test.ts starts it as another user.
import { createMatcher, walkContext } from '../../../src/context/index.js';

const w = walkContext(process.argv[2]!, createMatcher(''));
process.stdout.write(JSON.stringify({ sent: w.sent.map((s) => s.path), problems: w.problems }));
