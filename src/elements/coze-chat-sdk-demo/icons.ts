/** The icons of the bubble and the window (inline SVG, hidden from assistive technology). */
import { html } from 'lit';

export const icons = {
  bot: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 2a1 1 0 0 1 1 1v1.06A8 8 0 0 1 20 12v5a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3v-5a8 8 0 0 1 7-7.94V3a1 1 0 0 1 1-1Zm-3.5 10a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm7 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z"/></svg>`,
  close: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4 6.4 5Z"/></svg>`,
  send: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z"/></svg>`,
  stop: html`<svg viewBox="0 0 24 24" aria-hidden="true"><rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor"/></svg>`,
  attach: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"/></svg>`,
  broom: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M19.4 3.2 21 4.6l-6.3 7.1 1 1-1.5 1.5-.3-.3c-.6 2.8-2.6 5.6-5.4 7.1L8 21.5l-.6-.2C5 20.5 3 18.4 2.7 16l-.1-.7.6-.2c2.8-1 5-3 6.1-5.6l-.3-.3 1.5-1.5 1 1zM10.3 11c-1 2.4-3 4.4-5.4 5.6.4 1.2 1.4 2.3 2.7 2.8.5-.2.9-.5 1.3-.8l-1-1.3 1.2-.9 1 1.3c1.3-1.3 2.2-2.9 2.5-4.6z"/></svg>`,
  plus: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"/></svg>`,
  list: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 6h16v2H4zm0 5h16v2H4zm0 5h16v2H4z"/></svg>`,
  mic: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z"/></svg>`,
  copy: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M8 3h11a2 2 0 0 1 2 2v11h-2V5H8zM5 7h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2Zm0 2v10h10V9z"/></svg>`,
  like: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M2 10h4v11H2zm6 11V10l5.3-7.5 1.2.4c.9.3 1.4 1.2 1.2 2.1L14.9 9H20a2 2 0 0 1 2 2.3l-1.3 8A2 2 0 0 1 18.7 21z"/></svg>`,
  unlike: html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M22 14h-4V3h4zm-6-11v11l-5.3 7.5-1.2-.4c-.9-.3-1.4-1.2-1.2-2.1L9.1 15H4a2 2 0 0 1-2-2.3l1.3-8A2 2 0 0 1 5.3 3z"/></svg>`,
};
