/**
 * Turns a google.script.run failure (the failure handler's error: "Exception: ...", "ScriptError: ...",
 * "NetworkError: ...") into one clear sentence with a hint to retry.
 */

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return 'Unknown error';
}

/** `what` completes "Couldn't …", e.g. "save the customer". */
export function failureMessage(what: string, error: unknown): string {
  const text =
    errorText(error)
      .trim()
      .replace(/[.\s]+$/, '') || 'Unknown error';
  if (/network|HTTP 0|failed to fetch|connection/i.test(text)) {
    return `Couldn't ${what}: Google Sheets could not be reached (${text}). Check your connection, then try again.`;
  }
  if (/authori[sz]ation|permission|not available/i.test(text)) {
    return `Couldn't ${what}: ${text}. Reload the sheet, then try again.`;
  }
  return `Couldn't ${what}: ${text}. Please try again in a moment.`;
}
