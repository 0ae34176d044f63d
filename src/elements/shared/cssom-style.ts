/**
 * Inline styles that a strict Content-Security-Policy allows. A `style` attribute (written by
 * `style=${…}` or by Lit's `styleMap` on its first render) is refused under `style-src` without
 * 'unsafe-inline'; properties set through the CSSOM (`element.style.setProperty`) are not. Use as an
 * element binding with CSS property names: `<div ${cssomStyle({ 'padding-left': '20px', '--_w': '3px' })}>`.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export type CssomStyles = Readonly<Record<string, string | number | null | undefined>>;

class CssomStyleDirective extends Directive {
  private readonly applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssomStyle() binds to an element: <div ${cssomStyle({…})}>');
  }

  render(_styles: CssomStyles): unknown {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [CssomStyles]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.applied) {
      if (styles[name] === null || styles[name] === undefined || styles[name] === '') {
        style.removeProperty(name);
        this.applied.delete(name);
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value === null || value === undefined || value === '') continue;
      style.setProperty(name, String(value));
      this.applied.add(name);
    }
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
