/**
 * Story fixture: a box with its own shadow root, so that a stylesheet meant for a whole page (a theme
 * file, a host's restyling) applies to the elements inside the box and to nothing else — not to the
 * other stories Storybook keeps on the same page (the docs page shows them all at once).
 */
import { render, type TemplateResult } from 'lit';

export function styleScope(sheets: string[], content: TemplateResult): HTMLElement {
  const host = document.createElement('div');
  host.dataset['styleScope'] = '';
  const root = host.attachShadow({ mode: 'open' });
  for (const text of sheets) {
    const style = document.createElement('style');
    style.textContent = text;
    root.append(style);
  }
  const box = document.createElement('div');
  root.append(box);
  render(content, box);
  return host;
}
