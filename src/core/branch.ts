// Pull-request branch names: deterministic from the target and the images, and always a valid git ref.
import { createHash } from 'node:crypto';
import { compilePaths, pathsKey } from './paths.js';

/** Makes any text a valid branch name under git's check-ref-format rules (and short enough to read). */
export function sanitiseBranch(text: string, maxLength = 100): string {
  const segments = text
    .normalize('NFKD')
    .split('/')
    .map((segment) =>
      segment
        .replace(/[^A-Za-z0-9._+-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[.-]+|[.-]+$/g, '')
        .replace(/\.lock$/i, '-lock'),
    )
    .filter((segment) => segment !== '');
  let name = segments.join('/');
  if (name.length > maxLength) {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    name = `${name.slice(0, maxLength - 9).replace(/[./-]+$/, '')}-${hash}`;
  }
  return name === '' || name === '@' ? 'gitops-bump' : name;
}

function short(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

/**
 * The default head branch: one per service and environment, so later bumps update the same pull request.
 * `gitops-bump/prod/api`, `gitops-bump/prod/api+web`; a promotion: `gitops-bump/promote/staging-to-prod`.
 * Without an environment, `paths-<hash>` of the paths stands for the target (settings derive the same one).
 */
export function defaultPullRequestBranch(options: {
  readonly environment: string;
  readonly pathPatterns: readonly string[];
  readonly images: readonly string[];
  readonly promotionFrom?: string;
}): string {
  const target = options.environment || pathsKey(compilePaths(options.pathPatterns));
  if (options.promotionFrom !== undefined) return sanitiseBranch(`gitops-bump/promote/${options.promotionFrom}-to-${target}`);
  const names = [...new Set(options.images.map(short))].sort();
  let images = names.join('+');
  if (images.length > 60) images = `${names.length}-images-${createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 8)}`;
  return sanitiseBranch(`gitops-bump/${target}/${images}`);
}

/** The head branch: the `pr-branch` template ({environment}, {images}, {from}) or the default, always a valid ref. */
export function pullRequestBranch(
  template: string,
  options: Parameters<typeof defaultPullRequestBranch>[0],
): string {
  if (template.trim() === '') return defaultPullRequestBranch(options);
  const images = [...new Set(options.images.map(short))].sort().join('+');
  const text = template
    .replace(/\{environment\}/g, options.environment)
    .replace(/\{images\}/g, images)
    .replace(/\{from\}/g, options.promotionFrom ?? '');
  return sanitiseBranch(text);
}
