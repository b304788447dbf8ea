// React 19 alone, rendering about as many elements as Blocksmith's window shows around its editor (a block list, a
// run panel with a result tree and log lines), so its memory is React's share without Monaco.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const BLOCKS = Array.from({ length: 12 }, (_, index) => `Code Block ${index + 1}`);
const LOG_LINES = Array.from({ length: 40 }, (_, index) => `[${index * 3} ms] step ${index}: fetched 20 records`);
const RESULT = Array.from({ length: 60 }, (_, index) => ({ id: index, name: `record ${index}`, ok: index % 3 !== 0 }));

function Window() {
  const [selected, setSelected] = useState(BLOCKS[0]);
  return (
    <main style={{ display: 'flex', gap: 12, fontFamily: 'sans-serif' }}>
      <nav>
        <ul>
          {BLOCKS.map((block) => (
            <li key={block} aria-current={block === selected} onClick={() => setSelected(block)}>
              {block}
            </li>
          ))}
        </ul>
      </nav>
      <section style={{ flex: 1 }}>
        <h2>{selected}</h2>
        <ul>
          {RESULT.map((row) => (
            <li key={row.id}>
              <code>{row.name}</code> <span>{String(row.ok)}</span>
            </li>
          ))}
        </ul>
        <pre>{LOG_LINES.join('\n')}</pre>
      </section>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('react.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <Window />
  </StrictMode>,
);
