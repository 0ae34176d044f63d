/**
 * Idempotent registration. An embeddable library may be loaded twice on one page (two bundles, two
 * versions); the second definition of a tag is a no-op, never a throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && import.meta.env?.DEV) {
    console.warn(`<${tag}> is already defined by another copy of coze-playground-elements; this copy's definition is ignored.`);
  }
}
