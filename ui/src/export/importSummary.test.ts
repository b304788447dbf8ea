import { describe, expect, it } from 'vitest';
import type { ImportReport, WorkspaceView } from '../common/backend';
import { fileNameOf, firstImportedBlock, summariseImport } from './importSummary';

function report(change: Partial<ImportReport> = {}): ImportReport {
  return {
    format: 'bundle',
    flows: [],
    configVars: [],
    connections: [],
    alreadyPresent: [],
    renamed: [],
    connectionsNeedingSecrets: [],
    droppedSecretValues: [],
    ...change,
  };
}

describe('summariseImport', () => {
  it('counts and names what came in', () => {
    const summary = summariseImport(
      report({ flows: ['Orders', 'Refunds'], configVars: ['Region'], connections: ['Stripe'] }),
      'shop.bundle.json',
    );
    expect(summary.headline).toBe('Imported 2 flows, 1 config variable, 1 connection from shop.bundle.json.');
    expect(summary.lines).toContain('Flows: “Orders”, “Refunds”.');
    expect(summary.lines).toContain('Config variables: “Region”.');
  });

  it('says what was renamed, by kind', () => {
    const summary = summariseImport(
      report({
        flows: ['Orders (2)'],
        renamed: [
          { kind: 'flow', from: 'Orders', to: 'Orders (2)' },
          { kind: 'configVar', from: 'Region', to: 'Region (2)' },
        ],
      }),
      'shop.yml',
    );
    expect(summary.lines).toContain('The flow “Orders” was imported as “Orders (2)”.');
    expect(summary.lines).toContain(
      'The config variable “Region” was imported as “Region (2)”; ' +
        'imported blocks still read “Region”, so update them.',
    );
  });

  it('asks for the secrets of every connection that came in, and to connect OAuth ones again', () => {
    const summary = summariseImport(
      report({
        connections: ['Stripe', 'Google'],
        connectionsNeedingSecrets: [
          { name: 'Stripe', kind: 'apikey', secretInputs: ['apiKey'], needsAuthorization: false },
          { name: 'Google', kind: 'authorizationcode', secretInputs: ['clientSecret'], needsAuthorization: true },
        ],
      }),
      'shop.yml',
    );
    expect(summary.lines).toContain('Connection “Stripe” has no secrets yet: enter its secrets in Connections.');
    expect(summary.lines).toContain(
      'Connection “Google” has no secrets yet: enter its secrets in Connections, then connect it again.',
    );
  });

  it('says when secret values in the file were left out, and what was already there', () => {
    const summary = summariseImport(
      report({ alreadyPresent: ['Region'], droppedSecretValues: ['Stripe.apiKey'] }),
      'shop.yml',
    );
    expect(summary.headline).toBe('shop.yml brought nothing new: this workspace already had all of it.');
    expect(summary.lines).toEqual([
      'Already here and kept as they were: “Region”.',
      'The file held secret values (Stripe.apiKey); they were left out, not stored.',
    ]);
  });
});

describe('fileNameOf', () => {
  it('takes the last part of a POSIX or Windows path', () => {
    expect(fileNameOf('/home/ana/exports/shop.yml')).toBe('shop.yml');
    expect(fileNameOf('C:\\Users\\ana\\shop.bundle.json')).toBe('shop.bundle.json');
    expect(fileNameOf('shop.yml')).toBe('shop.yml');
  });
});

describe('firstImportedBlock', () => {
  const workspace: WorkspaceView = {
    path: '/tmp/shop',
    name: 'Shop',
    configVars: [],
    connections: [],
    blocks: [],
    flows: [
      { name: 'Orders', trigger: 'orders-trigger', steps: ['orders-step'] },
      { name: 'Refunds', trigger: 'refunds-trigger', steps: [] },
    ],
  };

  it('is the first step of the first imported flow, else its trigger', () => {
    expect(firstImportedBlock(workspace, report({ flows: ['Orders'] }))).toBe('orders-step');
    expect(firstImportedBlock(workspace, report({ flows: ['Refunds', 'Orders'] }))).toBe('refunds-trigger');
  });

  it('is none when no flow came in', () => {
    expect(firstImportedBlock(workspace, report({ configVars: ['Region'] }))).toBeNull();
  });
});
