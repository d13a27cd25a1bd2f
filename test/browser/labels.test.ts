/** A title the workbench made in one language, read in the other (titleText needs the page's locale, so it is tested here). */
import { expect } from 'chai';
import { setLocale } from '../../src/ui/i18n.ts';
import { titleText } from '../../src/ui/labels.ts';

describe('titleText in English', () => {
  it('writes the workbench’s own “baseline (unchanged)” on a copy made in Chinese in English', async () => {
    await setLocale('en');
    try {
      expect(titleText('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force · 基线（未调整）')).to.equal('Banner 2022 baseline under the rules in force · baseline (unchanged)');
      expect(titleText('My scenario · 基线（未调整） (2)')).to.equal('My scenario · baseline (unchanged) (2)');
      // a title that only mentions the words keeps them
      expect(titleText('基线（未调整）的说明')).to.equal('基线（未调整）的说明');
    } finally {
      await setLocale('zh');
    }
  });
});
