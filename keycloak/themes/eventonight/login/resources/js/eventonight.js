/* global document */
// Keycloak's base sign-in template numbers its fields with tabindex="1".."8", which takes them out
// of the page's natural order for keyboard and screen-reader users (axe: "tabindex"). The fields
// already come in the order they are shown, so the numbers are dropped once the page is parsed.
document.addEventListener('DOMContentLoaded', () => {
  for (const element of document.querySelectorAll('[tabindex]')) {
    if (element.tabIndex > 0) element.removeAttribute('tabindex');
  }
});
