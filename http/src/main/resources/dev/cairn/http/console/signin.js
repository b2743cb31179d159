// The sign-in dialog, shown when the server asks for a bearer token (401) or a write token (403).

import { token } from './api.js';

/**
 * Asks for a token, explaining why (as an error when a token was refused); calls onToken once one
 * was entered.
 */
export function askForToken(message, onToken, refused = false) {
  const dialog = document.getElementById('sign-in');
  const input = document.getElementById('token-input');
  const explanation = document.getElementById('sign-in-message');
  explanation.textContent = message;
  explanation.classList.toggle('refused', refused);
  input.value = '';
  document.getElementById('sign-in-form').onsubmit = () => {
    const value = input.value.trim();
    if (value) {
      token.set(value);
      onToken();
    }
  };
  if (!dialog.open) {
    dialog.showModal();
  }
  input.focus();
}
