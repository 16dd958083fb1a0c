import { describe, expect, it } from 'vitest';
import { InvalidChartError, isVersionRange, normaliseChartRepository, parseChartReference, sameChart } from '../../../src/image/chart.js';

describe('parseChartReference', () => {
  it.each([
    ['oci://ghcr.io/acme/charts/api:1.4.2', { name: 'api', url: 'oci://ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts', version: '1.4.2', display: 'oci://ghcr.io/acme/charts/api' }],
    ['https://charts.acme.io/api:1.4.2', { name: 'api', url: 'https://charts.acme.io', repository: 'https://charts.acme.io', version: '1.4.2', display: 'https://charts.acme.io/api' }],
    ['https://charts.acme.io:8443/stable/api:2.0.0-rc.1+build.5', { name: 'api', url: 'https://charts.acme.io:8443/stable', repository: 'https://charts.acme.io:8443/stable', version: '2.0.0-rc.1+build.5', display: 'https://charts.acme.io:8443/stable/api' }],
    ['  api:1.4.2 ', { name: 'api', version: '1.4.2', display: 'api' }],
    ['api', { name: 'api', display: 'api' }],
    ['ghcr.io/acme/charts/api:1.0.0', { name: 'api', url: 'ghcr.io/acme/charts', repository: 'oci://ghcr.io/acme/charts', version: '1.0.0', display: 'ghcr.io/acme/charts/api' }],
  ])('%s', (text, expected) => {
    expect(parseChartReference(text)).toEqual(expected);
  });

  it.each([
    ['', 'it is empty'],
    ['api:>=1.0', "the version '>=1.0' is not a chart version (such as 1.4.2)"],
    ['oci://ghcr.io/acme/charts/:1.0.0', "'' is not a chart name (letters, digits, '-', '_', '.')"],
    ['ftp://charts.acme.io/api:1.0.0', "'ftp://charts.acme.io' is not a chart repository URL (write oci://registry/path/name or https://host/path/name)"],
    ['acme/api:1.0.0', "'acme' is not a chart repository URL (write oci://registry/path/name or https://host/path/name)"],
  ])('refuses %j: %s', (text, reason) => {
    const error = (() => {
      try {
        parseChartReference(text);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidChartError);
    expect((error as InvalidChartError).reason).toBe(reason);
  });
});

describe('normaliseChartRepository', () => {
  it('gives every spelling of one OCI repository one key', () => {
    const keys = ['oci://ghcr.io/acme/charts', 'ghcr.io/acme/charts', 'OCI://GHCR.IO/acme/charts/', 'oci://ghcr.io/acme/charts//'].map(normaliseChartRepository);
    expect(new Set(keys)).toEqual(new Set(['oci://ghcr.io/acme/charts']));
  });

  it('gives http and https one key, keeps the path exact, and tells OCI from HTTPS', () => {
    expect(normaliseChartRepository('http://charts.acme.io/')).toBe('https://charts.acme.io');
    expect(normaliseChartRepository('https://charts.acme.io/Stable')).toBe('https://charts.acme.io/Stable');
    expect(normaliseChartRepository('oci://charts.acme.io')).not.toBe(normaliseChartRepository('https://charts.acme.io'));
  });

  it.each(['@bitnami', 'alias:bitnami', 'file://../api', 'bitnami', '', '${REPO}', 'https://{{ .Values.repo }}'])('has no key for %j', (url) => {
    expect(normaliseChartRepository(url)).toBeUndefined();
  });
});

describe('isVersionRange', () => {
  it.each(['>=1.0.0', '>=1.0.0-alpha', '^1.2', '~1.4.0', '1.x', '1.2.X', '*', '1.2.*', '1.0 - 2.0', '>=1 <2', '1.2 || 1.3'])('%s is a range', (text) => {
    expect(isVersionRange(text)).toBe(true);
  });
  it.each(['1.4.2', '1.5', '0.1.0-rc.1', '2.0.0+build.1', 'v1.2.3', 'latest'])('%s is one version', (text) => {
    expect(isVersionRange(text)).toBe(false);
  });
});

describe('sameChart', () => {
  const oci = parseChartReference('oci://ghcr.io/acme/charts/api:1.5.0');
  it('matches name and repository, or the name alone where either side has no repository', () => {
    expect(sameChart(oci, 'api', 'oci://ghcr.io/acme/charts')).toBe(true);
    expect(sameChart(oci, 'api', undefined)).toBe(true);
    expect(sameChart(parseChartReference('api:1.5.0'), 'api', 'https://charts.other.io')).toBe(true);
  });
  it('leaves a chart of the same name from another repository, and another name, alone', () => {
    expect(sameChart(oci, 'api', 'oci://ghcr.io/other/charts')).toBe(false);
    expect(sameChart(oci, 'api-gateway', 'oci://ghcr.io/acme/charts')).toBe(false);
  });
});
