// YAML paths in the corpus's syntax: dotted keys from the document root, `[i]` for sequence items,
// keys outside [A-Za-z_$][A-Za-z0-9_$-]* written as ["key"] (JSON-quoted).

/** One step from a collection to a child: a mapping key or a sequence index. */
export type PathStep = string | number;

const BARE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Formats steps as `spec.template.spec.containers[0].image`, `podSpecs["a.yaml"]`, `[3].value`. */
export function formatPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const step of steps) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (BARE_KEY.test(step)) out += out === '' ? step : `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
