import type { Random } from './random';
import {
  codeSamples,
  connectors,
  endings,
  headings,
  listItems,
  objects,
  stopWords,
  subjects,
  tableRows,
  verbs,
} from './words';

/** The words of the prompt worth echoing back (longest first), so answers visibly follow the question. */
export function topicWords(prompt: string): string[] {
  const words = prompt
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((word) => word.length > 2 && !stopWords.has(word));
  return [...new Set(words)].sort((left, right) => right.length - left.length).slice(0, 3);
}

function sentence(random: Random): string {
  return `${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(objects)} ${random.pick(endings)}.`;
}

function paragraph(random: Random, sentences: number): string {
  const parts: string[] = [];
  for (let index = 0; index < sentences; index++) {
    const text = sentence(random);
    parts.push(index > 0 && random.next() < 0.4 ? `${random.pick(connectors)} ${lowerFirst(text)}` : text);
  }
  return parts.join(' ');
}

function lowerFirst(text: string): string {
  return text.startsWith('A ') ||
    text.startsWith('The ') ||
    text.startsWith('This ') ||
    text.startsWith('Each ')
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function list(random: Random, ordered: boolean): string {
  const count = random.integer(3, 5);
  const items = new Set<string>();
  while (items.size < count) items.add(random.pick(listItems));
  return [...items].map((item, index) => `${ordered ? `${index + 1}.` : '-'} ${item}.`).join('\n');
}

function table(random: Random): string {
  const rows = new Set<readonly [string, string, string]>();
  const count = random.integer(3, 4);
  while (rows.size < count) rows.add(random.pick(tableRows));
  return [
    '| Aspect | Behaviour | Why |',
    '| --- | --- | --- |',
    ...[...rows].map(([aspect, behaviour, reason]) => `| ${aspect} | ${behaviour} | ${reason} |`),
  ].join('\n');
}

function code(random: Random): string {
  const sample = random.pick(codeSamples);
  return ['```' + sample.language, ...sample.lines, '```'].join('\n');
}

/**
 * A short markdown answer: an opening that names the prompt's topic, then a mix of paragraphs, a list, a
 * table, a code block and a heading, all chosen by `random` (so the same seed writes the same text).
 */
export function writeProse(random: Random, prompt: string): string {
  const topic = topicWords(prompt);
  const opening =
    topic.length > 0
      ? `Here is a short answer about **${topic.join(' ')}**. ${paragraph(random, random.integer(1, 2))}`
      : paragraph(random, random.integer(2, 3));
  const blocks = [opening];
  const extras = [
    () => list(random, false),
    () => list(random, true),
    () => table(random),
    () => code(random),
    () => `### ${random.pick(headings)}\n\n${paragraph(random, random.integer(1, 3))}`,
    () => `> ${sentence(random)}`,
  ];
  const chosen = new Set<number>();
  const count = random.integer(2, 3);
  while (chosen.size < count) chosen.add(random.integer(0, extras.length - 1));
  for (const index of chosen) blocks.push((extras[index] as () => string)());
  blocks.push(paragraph(random, random.integer(1, 2)));
  return blocks.join('\n\n');
}
