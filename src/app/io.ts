// The action's Io: the runner protocol through @actions/core, its own package.
import * as core from '@actions/core';
import type { Io, Place } from '../core/io.js';

/**
 * The runner's surroundings through @actions/core, the runner protocol's own package (workflow commands on
 * stdout, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), so the encoding follows GitHub's as it changes.
 */
export function actionIo(env: NodeJS.ProcessEnv): Io {
  const props = (place?: Place): core.AnnotationProperties | undefined =>
    place ? { file: place.file, startLine: place.line, startColumn: place.column } : undefined;
  return {
    info: (m) => core.info(m),
    debug: (m) => core.debug(m),
    warning: (m, place) => core.warning(m, props(place)),
    error: (m, place) => core.error(m, props(place)),
    group: (name, fn) => core.group(name, fn),
    setOutput: (name, value) => core.setOutput(name, value),
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is no summary to write; core.summary would throw.
    summary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
    },
    setSecret: (s) => core.setSecret(s),
  };
}
