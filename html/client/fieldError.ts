/** A form field's inline error: the message in its slot (linked by aria-describedby) and aria-invalid on the control. */

/** Shows `message` under a field ('' hides the slot) and marks the control invalid while a message shows. */
export function showFieldError(slot: HTMLElement, control: Element, message: string): void {
  slot.textContent = message;
  slot.hidden = message === '';
  if (message === '') control.removeAttribute('aria-invalid');
  else control.setAttribute('aria-invalid', 'true');
}
