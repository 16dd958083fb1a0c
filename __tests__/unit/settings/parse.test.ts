import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/settings/errors.js';
import { parseDuration, parseNames, splitGlobs, splitList } from '../../../src/settings/parse.js';

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1m30s', 90_000],
    [' 2 min 5 sec ', 125_000],
    ['1.5m', 90_000],
    ['0.5', 500],
    ['', 42],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text, 'race-timeout', 42)).toBe(ms);
  });

  it.each(['m', '10x', '5m5m', '-1', '1h', '30s1m'])('refuses %j naming the input', (text) => {
    expect(() => parseDuration(text, 'race-timeout', 42)).toThrow(/^Input 'race-timeout': /);
  });
});

describe('splitList', () => {
  it('splits on newlines and commas, trims, drops blanks and comments', () => {
    expect(splitList(' a ,b\n\n# c\r\nd')).toEqual(['a', 'b', 'd']);
  });
});

describe('splitGlobs', () => {
  it('splits on newlines and commas outside braces and brackets, trims, drops blanks and comments', () => {
    expect(splitGlobs('a/**, b/*.{yaml,yml} ,\n\n# c, d\r\n{x,{y,z}}/**,[,]/q')).toEqual(['a/**', 'b/*.{yaml,yml}', '{x,{y,z}}/**', '[,]/q']);
  });
});

describe('parseNames', () => {
  it('drops a leading @ and repeats, and keeps the order', () => {
    expect(parseNames('@octocat, hubot\nocto-cat[bot], octocat', 'pr-reviewers', 'login')).toEqual(['octocat', 'hubot', 'octo-cat[bot]']);
    expect(parseNames('@acme/platform, sre', 'pr-team-reviewers', 'team')).toEqual(['acme/platform', 'sre']);
    expect(parseNames('deploy, needs review', 'pr-labels', 'label')).toEqual(['deploy', 'needs review']);
  });

  it.each([
    ['pr-reviewers', 'login', 'octo cat', "Input 'pr-reviewers': 'octo cat' is not a GitHub login."],
    ['pr-assignees', 'login', '-octocat', "Input 'pr-assignees': '-octocat' is not a GitHub login."],
    ['pr-team-reviewers', 'team', 'a/b/c', "Input 'pr-team-reviewers': 'a/b/c' is not a team slug ('team' or 'org/team')."],
    ['pr-labels', 'label', 'x'.repeat(51), `Input 'pr-labels': '${'x'.repeat(51)}' is not a label name (at most 50 characters).`],
    ['pr-labels', 'label', 'bell\u0007', "Input 'pr-labels': 'bell\\u0007' is not a label name (at most 50 characters)."],
  ] as const)('names %s and the form it expects for %j', (input, kind, value, message) => {
    const parse = () => parseNames(value, input, kind);
    expect(parse).toThrow(InputError);
    expect(parse).toThrow(message);
  });
});
