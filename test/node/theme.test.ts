import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokens } from '../../src/theme/tokens.ts';

/** Default value of each `--cls-*` token, read from the stylesheet the elements use. */
function defaults(): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of tokens.cssText.matchAll(/var\((--cls-[\w-]+),\s*([^;]+?)\);/g)) {
    map.set(match[1] as string, (match[2] as string).trim());
  }
  return map;
}

function luminance(hex: string): number {
  const value = hex.replace('#', '');
  const channels = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('theme defaults', () => {
  const tokenDefaults = defaults();
  const color = (name: string) => {
    const value = tokenDefaults.get(`--cls-color-${name}`);
    assert.match(value ?? '', /^#[0-9a-f]{6}$/i, `--cls-color-${name} has a hex default`);
    return value as string;
  };

  it('has every token a --cls- name with a default', () => {
    assert.ok(tokenDefaults.size >= 25, `found ${tokenDefaults.size} tokens`);
    for (const [name, value] of tokenDefaults) assert.notEqual(value, '', `${name} has a default`);
  });

  // WCAG 2.2 AA: 4.5:1 for text (1.4.3), 3:1 for boundaries and focus indicators (1.4.11).
  const textPairs: Array<[string, string]> = [
    ['text', 'background'],
    ['secondary-text', 'background'],
    ['primary', 'background'],
    ['error', 'background'],
    ['action-text', 'action'],
    ['action-text', 'action-hover'],
    ['primary-text', 'success'],
    ['focus-text', 'focus'],
    ['text', 'surface'],
  ];
  for (const [foreground, background] of textPairs) {
    it(`--cls-color-${foreground} on --cls-color-${background} is at least 4.5:1`, () => {
      const ratio = contrast(color(foreground), color(background));
      assert.ok(ratio >= 4.5, `${ratio.toFixed(2)}:1`);
    });
  }

  for (const [part, background] of [['input-border', 'background'], ['border', 'background'], ['error', 'background']] as const) {
    it(`--cls-color-${part} on --cls-color-${background} is at least 3:1`, () => {
      const ratio = contrast(color(part), color(background));
      assert.ok(ratio >= 3, `${ratio.toFixed(2)}:1`);
    });
  }

  it('uses no rem units, which a CMS page can shrink with html { font-size: 62.5% }', () => {
    assert.doesNotMatch(tokens.cssText, /\drem\b/);
  });
});
