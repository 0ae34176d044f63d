/** The full playground page, on the emulator: the Coze API Playground as one element. */
import '../src/define/all.js';
import { connectDemo } from './setup.js';

void connectDemo();
