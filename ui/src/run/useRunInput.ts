// The input the selected block runs with: an action's `stepResults` JSON or a trigger's payload form, loaded from
// the block's saved sample when it is opened.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type BlockView, type JsonValue, type WorkspaceView } from '../common/backend';
import { formatJson, parseJsonInput, type ParsedJson } from '../common/json';
import { useNotices } from '../common/notices';
import { blocksBefore } from '../workspace/model';
import { DEFAULT_PAYLOAD_FORM, formFromPayload, typedRequest, type PayloadForm } from './payload';
import { isEmptySample, stepResultsFrom } from './stepResults';

export interface RunInput {
  stepResultsText: string;
  /** The value `stepResultsText` was written from (a sample, an earlier run, earlier steps' results); undefined
   * once the person edits the text, which then has to be parsed. Saves parsing back megabytes just written. */
  stepResultsValue: JsonValue | undefined;
  setStepResultsText: (text: string) => void;
  payloadForm: PayloadForm;
  setPayloadForm: (form: PayloadForm) => void;
  /** The value to run with, or why the typed input cannot be used (a trigger's payload is built in Rust). */
  current: () => Promise<ParsedJson>;
  /** Puts an earlier run's input back into the editors. */
  restore: (input: JsonValue) => void;
  /** Rebuilds `stepResults` from the earlier steps' last results. */
  fillFromEarlierSteps: () => void;
}

export function useRunInput(
  workspace: WorkspaceView | null,
  block: BlockView | null,
  lastResults: Record<string, JsonValue>,
): RunInput {
  const { reportError } = useNotices();
  const [stepResults, setStepResults] = useState<{ text: string; value?: JsonValue }>({ text: '' });
  const setStepResultsText = useCallback((text: string) => setStepResults({ text }), []);
  const showStepResults = useCallback((value: JsonValue) => setStepResults({ text: formatJson(value), value }), []);
  const [payloadForm, setPayloadForm] = useState<PayloadForm>(DEFAULT_PAYLOAD_FORM);
  const isTrigger = block?.kind === 'trigger';

  const earlierStepResults = useCallback((): JsonValue => {
    if (!workspace || !block) return {};
    return stepResultsFrom(
      blocksBefore(workspace, block.id).map((earlier) => ({
        stepKey: earlier.stepKey,
        lastResult: lastResults[earlier.id] ?? null,
      })),
    );
  }, [workspace, block, lastResults]);

  // Read when a block is opened, not each time an earlier step's result changes under it.
  const earlierRef = useRef(earlierStepResults);
  earlierRef.current = earlierStepResults;
  const blockId = block?.id ?? null;
  useEffect(() => {
    if (blockId === null) return;
    let cancelled = false;
    api
      .sampleRead(blockId)
      .catch((error: unknown) => {
        reportError('The saved input of this block could not be read; starting from an empty one.', error);
        return null;
      })
      .then((sample) => {
        if (cancelled) return;
        if (isTrigger) setPayloadForm(sample === null ? DEFAULT_PAYLOAD_FORM : formFromPayload(sample));
        else showStepResults(sample === null || isEmptySample(sample) ? earlierRef.current() : sample);
      });
    return () => {
      cancelled = true;
    };
  }, [blockId, isTrigger, reportError, showStepResults]);

  const current = useCallback(async (): Promise<ParsedJson> => {
    if (!isTrigger) {
      return stepResults.value !== undefined ? { ok: true, value: stepResults.value } : parseJsonInput(stepResults.text);
    }
    try {
      return { ok: true, value: await api.payloadFromRequest(typedRequest(payloadForm)) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [isTrigger, payloadForm, stepResults]);

  const restore = useCallback(
    (input: JsonValue) => {
      if (isTrigger) setPayloadForm(formFromPayload(input));
      else showStepResults(input);
    },
    [isTrigger, showStepResults],
  );

  const fillFromEarlierSteps = useCallback(
    () => showStepResults(earlierStepResults()),
    [earlierStepResults, showStepResults],
  );

  return {
    stepResultsText: stepResults.text,
    stepResultsValue: stepResults.value,
    setStepResultsText,
    payloadForm,
    setPayloadForm,
    current,
    restore,
    fillFromEarlierSteps,
  };
}
