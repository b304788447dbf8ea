// A vertical bar between two panes that a person drags (or moves with the arrow keys) to resize the pane beside
// it. It reports each move as a change of that pane's width; the workbench applies and remembers it.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** What the bar resizes, for assistive technology: "Resize the side panel". */
  label: string;
  /** +1 when dragging right widens the pane (the pane is on the left), −1 when it narrows it. */
  direction: 1 | -1;
  /** While dragging: the pane's width change since the drag began. */
  onDrag: (delta: number) => void;
  /** The drag (or a key press) ended: the new width may be remembered. */
  onDone: () => void;
  testId: string;
}

/** How far one arrow key press moves the bar. */
const KEY_STEP = 16;

export function Splitter({ label, direction, onDrag, onDone, testId }: Props) {
  const dragStart = useRef<number | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragStart.current = event.clientX;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragStart.current === null) return;
    onDrag((event.clientX - dragStart.current) * direction);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (dragStart.current === null) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    dragStart.current = null;
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? KEY_STEP : event.key === 'ArrowLeft' ? -KEY_STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    onDrag(step * direction);
    onDone();
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}
