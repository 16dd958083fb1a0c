// The action's Io: the runner protocol (runner.ts, encoded as @actions/core encodes it).
import type { Io, Place } from '../core/io.js';
import { annotationText, fenced, mayBeCommand, oneLine, stopToken } from '../report/line.js';
import { annotate, appendSummary, group, info as writeLine, issue, setFailed, setOutput, type AnnotationProperties } from './runner.js';

/** The action's Io, and the one failure a run ends with. */
export interface ActionIo extends Io {
  /** Fails the step: an error annotation with `message`, exit code 1. */
  fail(message: string): void;
}

/**
 * The runner's surroundings (workflow commands on stdout, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), in
 * @actions/core's encoding (runner.ts; a test holds the two byte for byte).
 *
 * Every line is safe whoever wrote its text, so no caller has to remember: a log line (`info`, `debug`, a group's
 * name) is one line, its control characters escaped (a newline in a file name cannot start a line of its own),
 * and a line the runner could still read as a command (`::` at its start, `##[` anywhere) is printed between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner shows it and processes nothing in it.
 * Annotations keep their line breaks (@actions/core encodes them inside the one command line) and escape the
 * other control characters. The action's own commands (groups, annotations, masks, outputs) are untouched.
 */
export function actionIo(env: NodeJS.ProcessEnv, token: () => string = stopToken): ActionIo {
  const props = (place?: Place): AnnotationProperties | undefined =>
    place ? { file: place.file, startLine: place.line, startColumn: place.column } : undefined;
  const info = (message: string): void => {
    const line = oneLine(message);
    writeLine(mayBeCommand(line) ? fenced(line, token()) : line);
  };
  return {
    info,
    debug: (m) => issue('debug', oneLine(m)),
    warning: (m, place) => annotate('warning', annotationText(m), props(place)),
    error: (m, place) => annotate('error', annotationText(m), props(place)),
    group: (name, fn) => group(oneLine(name), fn),
    setOutput: (name, value) => setOutput(env, name, value),
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is no summary to write; appendSummary would throw.
    summary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) await appendSummary(env, markdown);
    },
    setSecret: (s) => issue('add-mask', s),
    fail: (message) => setFailed(annotationText(message)),
  };
}
