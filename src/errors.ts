/**
 * Errors a user can cause. They are shown as one line (never a stack trace).
 * UsageError: nothing was checked (exit 2). InputError: one input could not be read (its
 * draft gets status "error", the rest still run, exit 3).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class InputError extends Error {
  override name = 'InputError';
}
