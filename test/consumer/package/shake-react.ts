// Tree-shaking probe: one React wrapper; the other wrappers and their elements must not be in the output.
import { CozeApiTree } from 'coze-playground-elements/react';

(window as unknown as { __probe: unknown }).__probe = CozeApiTree;
