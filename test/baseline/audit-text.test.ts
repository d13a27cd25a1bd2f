import { describe, expect, it } from 'vitest';
import { SimulationService } from '../../src/app/service.ts';
import type { RunView } from '../../src/app/views.ts';

describe('the report audit in both languages', () => {
  it('says each contradiction in Chinese with the figures, and keeps the English sentence', async () => {
    const service = new SimulationService();
    const banner = service.catalog().examples.find((e) => e.name === 'banner-2022')!.scenario;
    const run = (await service.run(banner, 'banner')) as RunView;
    // seed 000, 2020: sub-funds 16557.4 + 9981.64 + 691.25 + 138.3 = 27368.59 万元 against the printed 27369.84
    const first = run.audit.find((a) => a.message.startsWith('employee 2020 income'))!;
    expect(first.text.en).toBe(first.message);
    expect(first.text.zh).toContain('职工医保 2020：各分基金之和与基金合计不符');
    expect(first.text.zh).toContain('应为 27368.59 万元，报告印为 27369.84 万元，相差 -1.25');
    // 2022 per-capita subsidy 580 元 below Inner Mongolia's minimum of 610 (内医保发〔2022〕21号)
    const compliance = run.audit.find((a) => a.message.includes('per-capita subsidy'))!;
    // the English sentence names the standard in English (the document's own title stays as written)
    expect(compliance.text.en).toMatch(/^2022 per-capita subsidy 580 元 is below the minimum 610 元 set by inner-mongolia\/resident-2022 \(/);
    expect(compliance.text.en).not.toContain('人均财政补助');
    expect(compliance.text.zh).toBe('2022 人均财政补助 580 元，低于 inner-mongolia/resident-2022（内医保发〔2022〕21号 关于做好2022年城乡居民基本医疗保障工作的通知）规定的最低标准 610 元');
    // no English word is left in any Chinese sentence
    for (const a of run.audit) expect(a.text.zh).not.toMatch(/\b(the|is|but|of|and|below)\b/);
  });
});
