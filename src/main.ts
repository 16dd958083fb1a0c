import * as core from '@actions/core';
import { parse } from 'yaml';

export async function run(): Promise<void> {
  core.info(JSON.stringify(parse('a: 1')));
}
