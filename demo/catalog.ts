/** The catalogue browser page: every entry of the built-in catalogue, with a filter. */
import '../src/define/all.js';
import './catalog-explorer.js';
import { connectDemo } from './setup.js';

void connectDemo();
