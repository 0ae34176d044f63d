/** A team's own console: the tree, form, code and response elements in the team's own layout. */
import '../src/define/all.js';
import { connectDemo } from './setup.js';

void connectDemo();
