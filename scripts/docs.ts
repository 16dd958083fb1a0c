// `npm run docs`: writes the inputs and outputs tables of README.md from action.yml (between the
// <!-- inputs:start/end --> and <!-- outputs:start/end --> markers). A test fails when they disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function tables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYml;
  const inputs = ['| Input | Default | Description |', '| --- | --- | --- |'];
  for (const [name, spec] of Object.entries(action.inputs)) {
    const fallback = spec.default === undefined || spec.default === '' ? (spec.required ? '**required**' : '') : `\`${spec.default}\``;
    inputs.push(`| \`${name}\` | ${fallback} | ${cell(spec.description)} |`);
  }
  const outputs = ['| Output | Description |', '| --- | --- |'];
  for (const [name, spec] of Object.entries(action.outputs)) outputs.push(`| \`${name}\` | ${cell(spec.description)} |`);
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') };
}

export function withTables(readme: string, actionYml: string): string {
  const t = tables(actionYml);
  const put = (text: string, name: string, table: string) =>
    text.replace(new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`), `$1\n${table}\n$2`);
  return put(put(readme, 'inputs', t.inputs), 'outputs', t.outputs);
}

if (process.argv[1]?.endsWith('docs.ts')) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', withTables(readme, readFileSync('action.yml', 'utf8')));
}
