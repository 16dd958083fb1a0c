// Branch names as GitHub's ref mutations want them.

/** `main` or `refs/heads/main` → `refs/heads/main`. */
export function qualifiedBranch(branch: string): string {
  return branch.startsWith('refs/heads/') ? branch : `refs/heads/${branch}`;
}
