/**
 * Writes docs/elements/<folder>.md, one integration guide per element, from
 * custom-elements.json (attributes, properties, methods, events, slots,
 * parts, custom properties) and the string catalogues, with the snippets to
 * copy. `--check` fails when a guide is not what the manifest gives (npm test
 * runs it), so a guide is never stale. The snippets' shapes are exercised by
 * the demo pages (plain HTML), test/node/package.test.ts (the npm entry
 * points) and test/browser/frameworks.test.ts (React 19 and Vue 3).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ELEMENTS, type ElementEntry } from '../src/elements/catalogue.ts';
import { CATALOGUES } from './catalogues.ts';

interface Described {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  attribute?: string;
  readonly?: boolean;
  parameters?: Described[];
  return?: { type?: { text: string } };
}
interface Declaration extends Described {
  tagName?: string;
  summary?: string;
  attributes?: Array<Described & { fieldName?: string }>;
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: Declaration[] }>;
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);

const cell = (text: string | undefined) => (text ? text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim() : '—');
const code = (text: string | undefined) => (text ? `\`${text.replace(/\|/g, '\\|')}\`` : '—');

function table(head: string[], rows: string[][]): string {
  if (!rows.length) return '_None._';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** How many strings a site can change, and where they are listed. */
function stringsLine(tag: string): string {
  const catalogue = CATALOGUES.find((entry) => entry.tag === tag);
  const count = (messages: object): number => Object.values(messages).reduce<number>((sum, value) => sum + (typeof value === 'string' ? 1 : count(value as object)), 0);
  return catalogue
    ? `${count(catalogue.en)} English and ${count(catalogue.cy)} Welsh strings, each replaceable per language from \`#cls-config\` or the \`strings\` property: the keys and words are in [docs/strings.md](../strings.md#${tag.replace(/[^a-z-]/g, '')}).`
    : 'No strings of its own.';
}

/** A minimal use of the element: the required attributes for the elements that need some. */
const EXAMPLE_ATTRIBUTES: Readonly<Record<string, string>> = {
  'cls-feedback': ' source="contact-page"',
  'cls-hub-finder': '',
  'cls-resource-wheel': ' directory="https://YOUR-SERVER/oruk/"',
  'cls-self-assessment': ' questionnaire="what-matters"',
  'cls-hub-day': '',
  'cls-impact': '',
  'cls-kiosk': ' idle-seconds="180" warning-seconds="60"',
};

function snippets(element: ElementEntry, declaration: Declaration): string {
  const attributes = EXAMPLE_ATTRIBUTES[element.tag] ?? '';
  const inner = element.tag === 'cls-kiosk' ? '\n  <cls-hub-finder></cls-hub-finder>\n' : '';
  const event = declaration.events?.[0]?.name;
  const react = `${element.tag.replace(/^cls-/, '').replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase())}`;
  const listen = event
    ? `\n// Its events bubble and are composed: listen on the element or the document.\ndocument.addEventListener('${event}', (event) => console.log(event.detail));`
    : '';
  return `### Plain HTML (a CMS page, a Drupal block, a WordPress Custom HTML block)

Paste where the element should appear. The script is the same one for every
element: it loads only what the page uses.

\`\`\`html
<script type="module" src="https://YOUR-SERVER/cdn/community-led-widgets.js"></script>
<${element.tag}${attributes}>${inner}</${element.tag}>
\`\`\`

In Drupal, put both lines in a block whose text format allows \`<script>\` and
the tag (or add the script once in the theme's libraries and the tag in the
block). In WordPress, use a Custom HTML block; a Content-Security-Policy of
\`script-src 'self' https://YOUR-SERVER\` is enough.

### npm, with Vite or any bundler

\`\`\`js
import 'community-led-widgets/${element.folder}'; // defines <${element.tag}>
${listen.trimStart()}
\`\`\`

### React 19

React 19 passes objects to custom elements as properties and \`on…\` props as
event listeners.

\`\`\`jsx
import 'community-led-widgets/${element.folder}';

export function ${react.charAt(0).toUpperCase()}${react.slice(1)}() {
  return <${element.tag}${attributes}${event ? ` on${event}={(event) => console.log(event.detail)}` : ''}${element.tag === 'cls-kiosk' ? ' />' : `></${element.tag}>`};
}
\`\`\`

### Vue 3

Tell Vue the \`cls-\` tags are custom elements (\`compilerOptions.isCustomElement:
(tag) => tag.startsWith('cls-')\` in the Vue plugin's options); then:

\`\`\`vue
<script setup>
import 'community-led-widgets/${element.folder}';
</script>
<template>
  <${element.tag}${attributes}${event ? ` @${event}="(event) => console.log(event.detail)"` : ''}></${element.tag}>
</template>
\`\`\``;
}

function guide(element: ElementEntry): string {
  const declaration = declarations.find((candidate) => candidate.tagName === element.tag);
  if (!declaration) throw new Error(`custom-elements.json has no <${element.tag}>: run \`npm run cem\`.`);
  const members = (declaration.members ?? []).filter((member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'));
  const attributes = declaration.attributes ?? [];
  const properties = members.filter((member) => member.kind === 'field' && !attributes.some((attribute) => attribute.fieldName === member.name));
  const methods = members.filter((member) => member.kind === 'method');
  return `# \`<${element.tag}>\`

Generated by \`npm run guides\` from \`custom-elements.json\` and the string
catalogues; \`npm test\` checks it is current. Do not edit by hand.

**${cell(declaration.summary)}**

${(declaration.description ?? '').trim()}

## Use it

${snippets(element, declaration)}

## Attributes

${table(
  ['attribute', 'property', 'type', 'default', 'meaning'],
  attributes.map((attribute) => [code(attribute.name), code(attribute.fieldName), code(attribute.type?.text), code(attribute.default), cell(attribute.description)]),
)}

## Properties (set from script)

${table(
  ['property', 'type', 'meaning'],
  properties.map((member) => [code(member.name), code(member.type?.text), cell(member.description)]),
)}

## Methods

${table(
  ['method', 'meaning'],
  methods.map((member) => [code(`${member.name}(${(member.parameters ?? []).map((parameter) => parameter.name).join(', ')})`), cell(member.description)]),
)}

## Events

${table(
  ['event', 'type', 'meaning'],
  (declaration.events ?? []).map((event) => [code(event.name), code(event.type?.text), cell(event.description)]),
)}

## Slots

${table(
  ['slot', 'meaning'],
  (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
)}

## CSS parts (\`::part()\`)

${table(
  ['part', 'meaning'],
  (declaration.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
)}

## Custom properties (tokens)

Set on the page (for example \`:root\`), they pass into the element; see
[themes](../themes.md) for three complete sets.

${table(
  ['property', 'default', 'meaning'],
  (declaration.cssProperties ?? []).map((property) => [code(property.name), code(property.default), cell(property.description)]),
)}

## Strings

${stringsLine(element.tag)}
`;
}

const check = process.argv.includes('--check');
const stale: string[] = [];
if (!check) mkdirSync('docs/elements', { recursive: true });
const index = `# Element guides

Generated by \`npm run guides\`. One page per element: how to include it
(plain HTML, npm with a bundler, React 19, Vue 3, Drupal and WordPress) and
its whole API from \`custom-elements.json\`.

${ELEMENTS.map((element) => `- [\`<${element.tag}>\`](${element.folder}.md): ${cell(declarations.find((candidate) => candidate.tagName === element.tag)?.summary)}`).join('\n')}
`;
const files: Array<[string, string]> = [['docs/elements/README.md', index], ...ELEMENTS.map((element): [string, string] => [`docs/elements/${element.folder}.md`, guide(element)])];
for (const [file, text] of files) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current === text) continue;
  if (check) stale.push(file);
  else writeFileSync(file, text);
}
if (check && stale.length) {
  console.error(`Out of date with custom-elements.json: ${stale.join(', ')}. Run \`npm run guides\`.`);
  process.exit(1);
}
console.log(check ? `docs/elements matches custom-elements.json (${ELEMENTS.length} elements).` : `wrote docs/elements (${ELEMENTS.length} elements)`);
