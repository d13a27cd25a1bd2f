/** Names the workbench shows: a bilingual title in the reader's language; figures of library sentences at a readable precision. */
import { describe, expect, it } from 'vitest';
import { titleText, titleWith } from '../../src/ui/labels.ts';
import { readableNumber, readableText } from '../../src/ui/problem-text.ts';
import examples from '../../seeds/scenarios/banner-individual-400.json' with { type: 'json' };

describe('titleText', () => {
  it('shows the Chinese half of a title written in both languages (Chinese is the default)', () => {
    expect(titleText(examples.title)).toBe('旗：个人缴费标准由380元提高到400元');
    expect(titleText('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force')).toBe('旗 2022 基线：现行规则');
    expect(titleText('市：单位缴费比例由6.2%降至5.2%（2024年1月起） City: employer rate cut from 6.2% to 5.2% from 2024-01')).toBe('市：单位缴费比例由6.2%降至5.2%（2024年1月起）');
  });
  it('keeps what the workbench adds to a title after the half shown', () => {
    expect(titleText('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force · 基线（未调整）')).toBe('旗 2022 基线：现行规则 · 基线（未调整）');
    expect(titleText('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force (2)')).toBe('旗 2022 基线：现行规则 (2)');
  });
  it('writes the workbench’s own “baseline (unchanged)” on a copy made in English in Chinese (test/browser/labels.test.ts: the other way)', () => {
    expect(titleText('My scenario · baseline (unchanged)')).toBe('My scenario · 基线（未调整）');
    expect(titleText('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force · baseline (unchanged) (2)')).toBe('旗 2022 基线：现行规则 · 基线（未调整） (2)');
  });
  it('leaves a title in one language as written', () => {
    expect(titleText('我的方案 A')).toBe('我的方案 A');
    expect(titleText('My scenario')).toBe('My scenario');
    expect(titleText('旗 方案 B组测算')).toBe('旗 方案 B组测算');
  });
});

describe('readableNumber', () => {
  it('rounds the audit’s exact quotients: 33973.6 ÷ 10343.49 − 1 in percent to 2 places, a tolerance below 1 to 4 significant digits', () => {
    // (33973.6 / 10343.49 - 1) × 100 = 228.4539…; the report prints 328.45
    expect(readableNumber('228.453935760560507140239899685696027163')).toBe('228.45');
    expect(readableNumber('-99.996064239439492859760100314303972837')).toBe('-100.00');
    expect(readableNumber('0.0052071129487598041216960434030144076')).toBe('0.005207');
  });
});

describe('readableText', () => {
  it('names a rule set by its document and the audit’s sub-funds by name, not by id', () => {
    expect(readableText('2022 人均财政补助 580 元，低于 inner-mongolia/resident-2022（内医保发〔2022〕21号 关于做好2022年城乡居民基本医疗保障工作的通知）规定的最低标准 610 元')).toBe(
      '2022 人均财政补助 580 元，低于 内医保发〔2022〕21号 关于做好2022年城乡居民基本医疗保障工作的通知规定的最低标准 610 元',
    );
    expect(readableText('按报告其他数字（employeePooling 16557.4 + employeePersonal 9981.64）')).toBe('按报告其他数字（统筹基金 16557.4 + 个人账户 9981.64）');
  });
  it('leaves parameter ids and JSON paths that contain a sub-fund or field id as written', () => {
    const text = 'warning.monthsPayable.low 20 is above warning.monthsPayable.normalLow 18 (from rules/x.json at /rules/0/event/params/warning.monthsPayable.normalLow) at /funds/employeePooling/periods/2020';
    expect(readableText(text)).toBe(text);
  });
});

describe('titleWith', () => {
  it('adds a change to both halves of a title written in both languages, so each language reads its own', () => {
    const title = titleWith('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force', { zh: '个人缴费标准 625 元/年', en: 'Individual contribution standard 625 yuan/year' });
    expect(title).toBe('旗 2022 基线：现行规则 — 个人缴费标准 625 元/年 Banner 2022 baseline under the rules in force — Individual contribution standard 625 yuan/year');
    expect(titleText(title)).toBe('旗 2022 基线：现行规则 — 个人缴费标准 625 元/年');
    // a copy's number stays at the end
    expect(titleText(titleWith('旗 2022 基线：现行规则 Banner 2022 baseline under the rules in force (2)', { zh: '倍数 2 倍', en: 'Multiple 2 times' }))).toBe('旗 2022 基线：现行规则 — 倍数 2 倍 (2)');
    // a title in one language: the change in the reader's (Chinese by default)
    expect(titleWith('我的方案', { zh: '个人缴费标准 625 元/年', en: 'Individual contribution standard 625 yuan/year' })).toBe('我的方案 — 个人缴费标准 625 元/年');
  });
});
