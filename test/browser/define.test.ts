import { expect } from '@open-wc/testing';
import { ClsFeedback } from '../../src/elements/feedback/define.ts';
import { defineElement } from '../../src/elements/define-element.ts';

describe('defining tags', () => {
  it('keeps the first definition when a second copy of the library defines the same tag', () => {
    // A second copy of the library brings its own, different class.
    class SecondCopy extends ClsFeedback {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(() => defineElement('cls-feedback', SecondCopy)).to.not.throw();
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('cls-feedback')).to.equal(ClsFeedback);
    expect(String(warnings[0])).to.contain('<cls-feedback> is already defined');
  });

  it('says nothing when the same copy is loaded twice', () => {
    const warn = console.warn;
    let warned = false;
    console.warn = () => (warned = true);
    try {
      defineElement('cls-feedback', ClsFeedback);
    } finally {
      console.warn = warn;
    }
    expect(warned).to.equal(false);
  });
});
