// A JSON value as a tree that stays fast at any size: only the rows in view are in the DOM (a virtual list), a
// node's children are listed only once it is expanded, search looks through the whole value and reveals what it
// finds, and any node's value or path can be copied.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { JsonValue } from '../common/backend';
import { useNotices } from '../common/notices';
import {
  accessorPath,
  containerSummary,
  copiedValue,
  findMatches,
  initiallyExpanded,
  nodeId,
  pathOf,
  revealing,
  rowIndexOf,
  visibleRows,
  type ExpandedNodes,
  type JsonPath,
  type TreeRow,
} from './jsonTreeModel';

/** Every row has this height, so the list knows where any row is without measuring it. */
const ROW_HEIGHT_PX = 20;
/** The tree grows with its rows up to this many, then scrolls. */
const MAX_VISIBLE_ROWS = 20;
/** Rows rendered beyond each edge of the view, so a scroll does not show blank space before they arrive. */
const OVERSCAN_ROWS = 10;
const INDENT_PX = 16;
/** A search stops counting here: enough to step through, and bounded in time on a huge value. */
const MAX_MATCHES = 1000;
/** Search runs once typing pauses this long, not on every key. */
const SEARCH_DELAY_MS = 200;
/** A long string shows its start in the row; Copy value gives all of it. */
const SHOWN_STRING_CHARS = 300;

function Leaf({ value }: { value: Exclude<JsonValue, object> | null }) {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === 'string') {
    const shown = value.length > SHOWN_STRING_CHARS ? `${value.slice(0, SHOWN_STRING_CHARS)}…` : value;
    return <span className="json-string">{JSON.stringify(shown)}</span>;
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  return <span className="json-boolean">{String(value)}</span>;
}

interface RowProps {
  row: TreeRow;
  top: number;
  selected: boolean;
  match: 'none' | 'match' | 'current';
  onToggle: (row: TreeRow) => void;
  onSelect: (row: TreeRow) => void;
  onCopyValue: (row: TreeRow) => void;
  onCopyPath: (row: TreeRow) => void;
}

function Row({ row, top, selected, match, onToggle, onSelect, onCopyValue, onCopyPath }: RowProps) {
  const { value, label, expandable, expanded, depth } = row;
  const isLeaf = value === null || typeof value !== 'object';
  const classes = ['json-row', isLeaf ? 'json-leaf' : 'json-node'];
  if (selected) classes.push('selected');
  if (match !== 'none') classes.push(match === 'current' ? 'json-match current' : 'json-match');
  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={selected}
      className={classes.join(' ')}
      data-testid="json-row"
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT_PX, paddingLeft: depth * INDENT_PX }}
      onClick={() => onSelect(row)}
    >
      {expandable ? (
        <button
          type="button"
          className="json-toggle"
          data-testid="json-toggle"
          aria-label={expanded ? 'Collapse' : 'Expand'}
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            onToggle(row);
          }}
        >
          {expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="json-toggle-space" aria-hidden="true" />
      )}
      {label !== null && <span className="json-key">{label}: </span>}
      {isLeaf ? <Leaf value={value} /> : <span className="json-summary">{containerSummary(value)}</span>}
      {selected && (
        <span className="json-row-actions">
          <button type="button" className="link-button" data-testid="json-copy-value" onClick={() => onCopyValue(row)}>
            Copy value
          </button>
          <button type="button" className="link-button" data-testid="json-copy-path" onClick={() => onCopyPath(row)}>
            Copy path
          </button>
        </span>
      )}
    </div>
  );
}

interface Props {
  value: JsonValue;
  /** How Copy path names the root: `result`, `instanceState`, … */
  rootName?: string;
}

export function JsonTree({ value, rootName = 'value' }: Props) {
  const { notify, reportError } = useNotices();
  const [selected, setSelected] = useState<JsonPath | null>(null);
  // A new value starts over from its initial expansion, set during render so the old one never shows with it.
  const [expansionState, setExpansion] = useState<{ root: JsonValue; expanded: ExpandedNodes }>(() => ({
    root: value,
    expanded: initiallyExpanded(value),
  }));
  let expansion = expansionState;
  if (expansion.root !== value) {
    expansion = { root: value, expanded: initiallyExpanded(value) };
    setExpansion(expansion);
    setSelected(null);
  }
  const { expanded } = expansion;
  const setExpanded = useCallback((next: ExpandedNodes) => setExpansion({ root: value, expanded: next }), [value]);

  const rows = useMemo(() => visibleRows(value, expanded), [value, expanded]);
  const selectedId = selected === null ? null : nodeId(selected);

  const [query, setQuery] = useState('');
  const [searchedQuery, setSearchedQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setSearchedQuery(query.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);
  const matches = useMemo(() => findMatches(value, searchedQuery, MAX_MATCHES), [value, searchedQuery]);
  const matchIds = useMemo(() => new Set(matches.map(nodeId)), [matches]);
  const [currentMatch, setCurrentMatch] = useState(0);
  const currentMatchId = matches.length > 0 ? nodeId(matches[currentMatch] ?? []) : null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
  });

  /** The node to scroll into view once the rows that hold it are listed. */
  const pendingScroll = useRef<JsonPath | null>(null);
  useEffect(() => {
    const target = pendingScroll.current;
    if (!target) return;
    pendingScroll.current = null;
    const index = rowIndexOf(rows, target);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [rows, virtualizer]);

  const reveal = useCallback(
    (path: JsonPath) => {
      setExpanded(revealing(value, expanded, path));
      setSelected(path);
      pendingScroll.current = path;
    },
    [value, expanded, setExpanded],
  );

  // A new search shows its first match.
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  useEffect(() => {
    setCurrentMatch(0);
    const first = matches[0];
    if (first) revealRef.current(first);
  }, [matches]);

  const step = (direction: 1 | -1) => {
    const next = (currentMatch + direction + matches.length) % matches.length;
    const match = matches[next];
    if (!match) return;
    setCurrentMatch(next);
    reveal(match);
  };

  const toggle = useCallback(
    (row: TreeRow) => {
      const next = new Set(expanded);
      if (row.expanded) next.delete(row.value as object);
      else next.add(row.value as object);
      setExpanded(next);
    },
    [expanded, setExpanded],
  );
  const select = useCallback((row: TreeRow) => setSelected(pathOf(row)), []);

  const copy = useCallback(
    (text: string, what: string) => {
      navigator.clipboard
        .writeText(text)
        .then(() => notify(`Copied ${what}.`))
        .catch((error: unknown) => reportError(`Could not copy ${what}.`, error));
    },
    [notify, reportError],
  );
  const copyValue = useCallback(
    (row: TreeRow) => copy(copiedValue(row.value), `the value of ${accessorPath(rootName, pathOf(row))}`),
    [copy, rootName],
  );
  const copyPath = useCallback(
    (row: TreeRow) => {
      const path = accessorPath(rootName, pathOf(row));
      copy(path, path);
    },
    [copy, rootName],
  );

  /** Arrow keys move the selection and open or close the selected node, as in a file tree. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = selected === null ? -1 : rowIndexOf(rows, selected);
    const row = rows[index];
    let target = index;
    if (event.key === 'ArrowDown') target = Math.min(rows.length - 1, index + 1);
    else if (event.key === 'ArrowUp') target = Math.max(0, index - 1);
    else if (event.key === 'ArrowRight' && row?.expandable && !row.expanded) toggle(row);
    else if (event.key === 'ArrowLeft' && row?.expanded) toggle(row);
    else return;
    event.preventDefault();
    const targetRow = rows[target];
    if (target !== index && targetRow) {
      select(targetRow);
      virtualizer.scrollToIndex(target);
    }
  };

  const searchable = rows.length > MAX_VISIBLE_ROWS || rows.some((row) => row.expandable && !row.expanded);
  const height = Math.min(rows.length, MAX_VISIBLE_ROWS) * ROW_HEIGHT_PX;

  return (
    <div className="json-tree-view">
      {searchable && (
        <div className="json-search">
          <input
            type="search"
            placeholder="Search keys and values"
            aria-label="Search keys and values"
            data-testid="json-search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            }}
          />
          {searchedQuery !== '' && (
            <span className="muted" data-testid="json-search-count">
              {matches.length === 0
                ? 'No matches'
                : `${currentMatch + 1} of ${matches.length}${matches.length === MAX_MATCHES ? '+' : ''}`}
            </span>
          )}
          <button type="button" data-testid="json-search-previous" disabled={matches.length === 0} onClick={() => step(-1)}>
            ↑
          </button>
          <button type="button" data-testid="json-search-next" disabled={matches.length === 0} onClick={() => step(1)}>
            ↓
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className="json-tree"
        role="tree"
        tabIndex={0}
        style={{ height }}
        onKeyDown={onKeyDown}
      >
        <div className="json-tree-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const id = nodeId(pathOf(row));
            return (
              <Row
                key={id}
                row={row}
                top={item.start}
                selected={id === selectedId}
                match={id === currentMatchId ? 'current' : matchIds.has(id) ? 'match' : 'none'}
                onToggle={toggle}
                onSelect={select}
                onCopyValue={copyValue}
                onCopyPath={copyPath}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
