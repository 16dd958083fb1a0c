import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../../src/settings/inputs.js';

describe('INPUTS', () => {
  it('lists every input with a description', () => {
    for (const spec of Object.values(INPUTS)) expect(spec.description.length).toBeGreaterThan(10);
  });
});
