// A bad input value fails with an InputError naming the input. The pure parsers (globs, policy, image references)
// throw their own typed errors with a reason; `asInput` turns those into an InputError by type, never by text.
import { PathsError } from '../core/paths.js';
import { InvalidChartError } from '../image/chart.js';
import { PolicyError } from '../image/policy.js';
import { InvalidReferenceError } from '../image/reference.js';

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = 'InputError';
  }
}

/**
 * Runs a pure parser on the value of `input`: its typed error (PathsError, PolicyError, InvalidReferenceError, InvalidChartError)
 * becomes an InputError naming `input`, with `say(reason)` as its text. Any other error passes through.
 */
export function asInput<T>(input: string, parse: () => T, say: (reason: string) => string = (reason) => reason): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PathsError || error instanceof PolicyError || error instanceof InvalidReferenceError || error instanceof InvalidChartError) {
      throw new InputError(input, say(error.reason));
    }
    throw error;
  }
}
