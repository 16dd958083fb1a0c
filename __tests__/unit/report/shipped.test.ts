// The shipped section: escaped pull request text, and a private source's titles kept out of places its readers may not see.
import { describe, expect, it } from 'vitest';
import type { ShippedReport } from '../../../src/report/context.js';
import { shippedContext, shippedMarkdown, shippedOutput, shippedText, titlesShown } from '../../../src/report/shipped.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const report = (sourcePrivate?: boolean, targetPrivate?: boolean): ShippedReport => ({
  shipped: [
    {
      image: 'ghcr.io/acme/api', from: '1.0.0', to: `1.1.0@sha256:${'c'.repeat(64)}`, repository: 'acme/api', fromCommit: A, toCommit: B,
      compareUrl: `https://github.com/acme/api/compare/${A}...${B}`, commits: 3, digest: `sha256:${'c'.repeat(64)}`,
      builtBy: 'https://github.com/acme/api/actions/runs/1',
      pullRequests: [{ number: 7, title: 'Fix | <script>x</script>\n::warning::hi', author: 'mal`lory', url: 'https://github.com/acme/api/pull/7' }],
    },
    { image: 'ghcr.io/acme/web', from: '2.0', to: '2.1', repository: 'acme/api', notes: ['no tag'] },
  ],
  ...(sourcePrivate === undefined ? {} : { sourcePrivate }),
  ...(targetPrivate === undefined ? {} : { targetPrivate }),
});

describe('shipped report', () => {
  it('Markdown escapes the title and author; images without a range are left out of the section', () => {
    const lines = shippedMarkdown(report(false), true);
    expect(lines).toContain('  - [#7](https://github.com/acme/api/pull/7) Fix \\| &lt;script>x&lt;/script> ::warning::hi (@mal\'lory)');
    expect(lines.join('\n')).not.toContain('acme/web');
    expect(lines).toContain(`  - digest \`sha256:${'c'.repeat(64)}\``);
  });

  it('the commit body is plain lines: no line break of the title survives', () => {
    const text = shippedText(report(false), true);
    expect(text.split('\n')).toContain('- #7 Fix | <script>x</script> ::warning::hi (@mal`lory)');
    expect(text.startsWith('What ships:\n\napi 1.0.0 -> 1.1.0@sha256:')).toBe(true);
  });

  it('a private (or unread) source: titles only in the source itself, a private target, or the source\'s own summary', () => {
    const same = { target: false, workflow: false };
    expect(titlesShown(report(false), 'summary', same)).toBe(true);
    expect(titlesShown(report(true), 'summary', same)).toBe(false);
    expect(titlesShown(report(undefined), 'target', same)).toBe(false);
    expect(titlesShown(report(true, true), 'target', same)).toBe(true);
    expect(titlesShown(report(true, true), 'summary', same)).toBe(false);
    expect(titlesShown(report(true), 'summary', { target: false, workflow: true })).toBe(true);
    const hidden = shippedContext(report(true, false), same);
    expect(hidden.markdown.join('\n')).not.toContain('Fix');
    expect(hidden.markdown).toContain('  - [#7](https://github.com/acme/api/pull/7)');
    expect(hidden.text).not.toContain('Fix');
    expect(JSON.parse(shippedOutput(report(true), false))[0].pullRequests).toEqual([{ number: 7, url: 'https://github.com/acme/api/pull/7' }]);
  });
});
