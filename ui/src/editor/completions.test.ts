import { describe, expect, it } from 'vitest';
import { suggestAt, type CompletionScope } from './completions';
import { CONTEXT_MEMBERS } from './contextMembers';

const scope: CompletionScope = {
  configVarNames: ['App Base URL'],
  connections: [
    { name: 'Acme', inputKeys: ['apiKey'], oauth: false },
    { name: 'Google', inputKeys: ['clientId', 'clientSecret'], oauth: true },
  ],
  earlierSteps: [
    { key: 'codeBlockTrigger', name: 'Code Block Trigger', lastResult: { orderId: 7, items: [] } },
    { key: 'getDataFromApi', name: 'Get Data from API', lastResult: null },
  ],
  isTrigger: false,
  samplePayload: null,
};

function labels(before: string, after = '', within: CompletionScope = scope): string[] | null {
  const answer = suggestAt({ textBeforeCursor: before, textAfterCursor: after }, within);
  return answer ? answer.suggestions.map((suggestion) => suggestion.label) : null;
}

describe('suggestAt', () => {
  it('offers every context member of the Rust definition after `context.`, with its type', () => {
    const answer = suggestAt({ textBeforeCursor: '  context.exe', textAfterCursor: '' }, scope);
    expect(answer?.replaceLength).toBe(3);
    expect(answer?.suggestions.map((suggestion) => suggestion.label)).toEqual(
      CONTEXT_MEMBERS.map((member) => member.name),
    );
    for (const member of ['executionFrame', 'debug', 'components', 'flowSchemas', 'webhookApiKeys']) {
      expect(labels('context.')).toContain(member);
    }
    const frame = answer?.suggestions.find((suggestion) => suggestion.label === 'executionFrame');
    expect(frame?.detail).toMatch(/^ExecutionFrame — /);
  });

  it('offers the logger methods after `logger.`', () => {
    expect(labels('  logger.')).toEqual(['debug', 'info', 'warn', 'error', 'log', 'trace', 'metric']);
    expect(suggestAt({ textBeforeCursor: 'logger.inf', textAfterCursor: '' }, scope)?.replaceLength).toBe(3);
  });

  it('offers config variable and connection names inside `configVars["`, closing the bracket', () => {
    const answer = suggestAt({ textBeforeCursor: 'configVars["App', textAfterCursor: '' }, scope);
    expect(answer?.suggestions.map((suggestion) => suggestion.insertText)).toEqual([
      'App Base URL"]',
      'Acme"]',
      'Google"]',
    ]);
    expect(answer?.replaceLength).toBe(3);
  });

  it('does not close the bracket twice', () => {
    const answer = suggestAt({ textBeforeCursor: "configVars['", textAfterCursor: "']" }, scope);
    expect(answer?.suggestions[0]?.insertText).toBe('App Base URL');
  });

  it("offers a connection's parts, its inputs and its token fields", () => {
    expect(labels('configVars["Acme"].')).toEqual(['key', 'fields']);
    expect(labels('configVars["Google"].')).toEqual(['key', 'fields', 'token']);
    expect(labels('configVars["Google"].fields.')).toEqual(['clientId', 'clientSecret']);
    expect(labels('configVars["Google"].token.')).toContain('access_token');
    expect(labels('configVars["App Base URL"].')).toBeNull();
  });

  it('offers earlier steps, their results, and the keys of their last results', () => {
    expect(labels('const x = stepResults.')).toEqual(['codeBlockTrigger', 'getDataFromApi']);
    expect(labels('stepResults.getDataFromApi.')).toEqual(['results']);
    expect(labels('stepResults.codeBlockTrigger.results.')).toEqual(['orderId', 'items']);
    expect(labels('stepResults.getDataFromApi.results.')).toEqual([]);
    expect(labels('stepResults.unknownStep.')).toBeNull();
  });

  it('offers payload fields only in a trigger', () => {
    expect(labels('payload.')).toBeNull();
    const trigger = { ...scope, isTrigger: true, samplePayload: { headers: { 'x-id': '1' } } };
    expect(labels('payload.', '', trigger)).toContain('rawBody');
    expect(labels('payload.body.', '', trigger)).toEqual(['data', 'contentType']);
    expect(labels('payload.headers.', '', trigger)).toEqual(['x-id']);
  });

  it('offers identifier names after `configVars.`, and bracket access replacing the dot for the rest', () => {
    const within = { ...scope, configVarNames: ['App Base URL', 'region'] };
    const answer = suggestAt({ textBeforeCursor: '  const url = configVars.', textAfterCursor: '' }, within);
    expect(answer?.replaceLength).toBe(0);
    const byLabel = Object.fromEntries((answer?.suggestions ?? []).map((suggestion) => [suggestion.label, suggestion]));
    expect(Object.keys(byLabel)).toEqual(['App Base URL', 'region', 'Acme', 'Google']);
    expect(byLabel.region?.insertText).toBe('region');
    expect(byLabel.region?.replaceBefore).toBeUndefined();
    expect(byLabel.Acme?.insertText).toBe('Acme');
    expect(byLabel['App Base URL']).toMatchObject({
      insertText: '["App Base URL"]',
      replaceBefore: 1,
      filterText: '.App Base URL',
    });
    expect(suggestAt({ textBeforeCursor: 'configVars.reg', textAfterCursor: '' }, within)?.replaceLength).toBe(3);
  });

  it('follows a connection reached with a dot as with brackets', () => {
    expect(labels('configVars.Acme.')).toEqual(['key', 'fields']);
    expect(labels('configVars.Google.fields.')).toEqual(['clientId', 'clientSecret']);
    expect(labels('configVars.Google.token.')).toContain('refresh_token');
  });

  it('offers the block’s names at an empty spot, never plain words, with its declarations after them', () => {
    const source = 'const total = 1;\nfunction helper() {}\n// words only in a comment: banana\n';
    const answer = suggestAt({ textBeforeCursor: '  ', textAfterCursor: '', source }, scope);
    const names = answer?.suggestions.map((suggestion) => suggestion.label) ?? [];
    expect(names.slice(0, 3)).toEqual(['configVars', 'stepResults', 'logger']);
    expect(names).toContain('fetch');
    expect(names.slice(-2)).toEqual(['total', 'helper']);
    expect(names).not.toContain('banana');
    expect(names).not.toContain('payload');

    const trigger = { ...scope, isTrigger: true };
    expect(labels('return ', '', trigger)?.slice(0, 2)).toEqual(['configVars', 'payload']);
    expect(suggestAt({ textBeforeCursor: 'const x = con', textAfterCursor: '' }, scope)?.replaceLength).toBe(3);
  });

  it('says nothing inside a string, a comment, a number or after a member it does not know', () => {
    expect(labels('const s = "hello ')).toBeNull();
    expect(labels('const s = `a ${"b"} c')).toBeNull();
    expect(labels('// note ')).toBeNull();
    expect(labels('const total = 15')).toBeNull();
    expect(labels('order.')).toBeNull();
  });
});
