// One block in the list: select it, rename it inline, and for steps move or delete it.
import { useState, type DragEvent } from 'react';
import type { BlockView } from '../common/backend';
import { ArrowDownIcon, ArrowUpIcon, BoltIcon, PencilIcon, StepIcon, TrashIcon } from '../common/icons';
import { InlineRename } from './InlineRename';

export interface StepControls {
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
  onDropBlock: (draggedBlockId: string) => void;
}

interface Props {
  block: BlockView;
  selected: boolean;
  onSelect: () => void;
  onRename: (name: string) => void;
  /** Present for action steps; a flow's trigger cannot be moved or deleted on its own. */
  step?: StepControls;
}

const DRAG_TYPE = 'application/x-blocksmith-block';

export function BlockRow({ block, selected, onSelect, onRename, step }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);

  const dragProps = step
    ? {
        draggable: !renaming,
        onDragStart: (event: DragEvent) => {
          event.dataTransfer.setData(DRAG_TYPE, block.id);
          event.dataTransfer.effectAllowed = 'move';
        },
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
          event.preventDefault();
          setDropTarget(true);
        },
        onDragLeave: () => setDropTarget(false),
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDropTarget(false);
          const dragged = event.dataTransfer.getData(DRAG_TYPE);
          if (dragged && dragged !== block.id) step.onDropBlock(dragged);
        },
      }
    : {};

  const classes = ['block-row', selected ? 'selected' : '', dropTarget ? 'drop-target' : ''].join(' ');

  return (
    <li className={classes} data-testid={`block-${block.id}`} data-block-kind={block.kind} {...dragProps}>
      {renaming ? (
        <InlineRename
          name={block.name}
          onRename={(name) => {
            setRenaming(false);
            onRename(name);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <button
          type="button"
          className="block-name"
          aria-current={selected ? 'true' : undefined}
          onClick={onSelect}
          onDoubleClick={() => setRenaming(true)}
          title={`${block.name} (${block.kind === 'trigger' ? 'trigger' : 'step'})`}
        >
          <span className={`block-kind block-kind-${block.kind}`} aria-hidden="true">
            {block.kind === 'trigger' ? <BoltIcon /> : <StepIcon />}
          </span>
          {block.name}
        </button>
      )}
      {confirmingDelete && step ? (
        <span className="row-actions confirm">
          <button type="button" className="danger" data-testid="confirm-delete" onClick={step.onDelete}>
            Delete
          </button>
          <button type="button" onClick={() => setConfirmingDelete(false)}>
            Keep
          </button>
        </span>
      ) : (
        !renaming && (
          <span className="row-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename ${block.name}`}
              title="Rename"
              data-testid="rename-block"
              onClick={() => setRenaming(true)}
            >
              <PencilIcon />
            </button>
            {step && (
              <>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${block.name} up`}
                  title="Move up"
                  data-testid="move-up"
                  disabled={!step.canMoveUp}
                  onClick={() => step.onMove(-1)}
                >
                  <ArrowUpIcon />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${block.name} down`}
                  title="Move down"
                  data-testid="move-down"
                  disabled={!step.canMoveDown}
                  onClick={() => step.onMove(1)}
                >
                  <ArrowDownIcon />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Delete ${block.name}`}
                  title="Delete step"
                  data-testid="delete-step"
                  onClick={() => setConfirmingDelete(true)}
                >
                  <TrashIcon />
                </button>
              </>
            )}
          </span>
        )
      )}
    </li>
  );
}
