/** A documentation page with a live try-it panel for one API inside the prose. */
import '../src/define/all.js';
import { connectDemo } from './setup.js';

void connectDemo();
