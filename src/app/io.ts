// The action's Io: the runner protocol through @actions/core, its own package.
import * as core from '@actions/core';
import type { Io, Place } from '../core/io.js';
import { annotationText, fenced, mayBeCommand, oneLine, stopToken } from '../report/line.js';

/** The action's Io, and the one failure a run ends with. */
export interface ActionIo extends Io {
  /** Fails the step: an error annotation with `message`, exit code 1. */
  fail(message: string): void;
}

/**
 * The runner's surroundings through @actions/core, the runner protocol's own package (workflow commands on
 * stdout, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the encoding follows GitHub's as it changes.
 *
 * Every line is safe whoever wrote its text, so no caller has to remember: a log line (`info`, `debug`, a group's
 * name) is one line, its control characters escaped (a newline in a file name cannot start a line of its own),
 * and a line the runner could still read as a command (`::` at its start, `##[` anywhere) is printed between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner shows it and processes nothing in it.
 * Annotations keep their line breaks (@actions/core encodes them inside the one command line) and escape the
 * other control characters. The action's own commands (groups, annotations, masks, outputs) are untouched.
 */
export function actionIo(env: NodeJS.ProcessEnv, token: () => string = stopToken): ActionIo {
  const props = (place?: Place): core.AnnotationProperties | undefined =>
    place ? { file: place.file, startLine: place.line, startColumn: place.column } : undefined;
  const info = (message: string): void => {
    const line = oneLine(message);
    core.info(mayBeCommand(line) ? fenced(line, token()) : line);
  };
  return {
    info,
    debug: (m) => core.debug(oneLine(m)),
    warning: (m, place) => core.warning(annotationText(m), props(place)),
    error: (m, place) => core.error(annotationText(m), props(place)),
    group: (name, fn) => core.group(oneLine(name), fn),
    setOutput: (name, value) => core.setOutput(name, value),
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is no summary to write; core.summary would throw.
    summary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    setSecret: (s) => core.setSecret(s),
    fail: (message) => core.setFailed(annotationText(message)),
  };
}
