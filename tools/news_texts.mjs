// German news texts for the benchmarks (title, blank line, text): every article of
// ../shared/data/same-event-de, both sides of each pair. Used to measure, never bundled.
import fs from 'node:fs';
import path from 'node:path';

export function newsTexts() {
  const data = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'shared', 'data', 'same-event-de');
  const file = fs.readdirSync(data).find((f) => f.endsWith('.jsonl'));
  const texts = [];
  for (const line of fs.readFileSync(path.join(data, file), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    for (const k of ['1', '2']) if (r[`text_${k}`] && r[`title_${k}`]) texts.push(`${r[`title_${k}`]}\n\n${r[`text_${k}`]}`);
  }
  return texts;
}
