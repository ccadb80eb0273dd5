/**
 * Copy buttons of CopyBox: copy the box's current text (which a script may have changed, as the
 * embed code does) and say so in the box's live region; on failure, select the text for the reader.
 */
async function copy(box: HTMLElement): Promise<void> {
  const field = box.querySelector<HTMLTextAreaElement>('[data-copy-text]');
  const button = box.querySelector<HTMLButtonElement>('[data-copy-button]');
  const status = box.querySelector<HTMLElement>('[data-copy-status]');
  if (!field || !button || !status) return;
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = button.dataset['copied'] ?? '';
  } catch {
    field.focus();
    field.select();
    status.textContent = button.dataset['failed'] ?? '';
  }
}

if (navigator.clipboard) {
  for (const box of document.querySelectorAll<HTMLElement>('[data-copy-box]')) {
    const button = box.querySelector<HTMLButtonElement>('[data-copy-button]');
    if (!button) continue;
    button.hidden = false;
    button.addEventListener('click', () => void copy(box));
  }
}
