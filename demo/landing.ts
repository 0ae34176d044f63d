/** A product landing page with the Chat SDK demo: its bubble floats at the bottom right of the page. */
import '../src/define/all.js';
import '../src/define/coze-chat-sdk-demo.js';
import { connectDemo } from './setup.js';

void connectDemo();

for (const button of document.querySelectorAll('[data-open-chat]')) {
  button.addEventListener('click', () => document.querySelector('coze-chat-sdk-demo')?.showChatBot());
}
