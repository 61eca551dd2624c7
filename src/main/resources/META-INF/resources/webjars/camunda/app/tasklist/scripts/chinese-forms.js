/*
 * Camunda Forms in Chinese, where Tasklist's own translation cannot reach.
 *
 * Tasklist 7.24 draws Camunda Forms with form-js 1.8.7 (new Form({container}), no translation module:
 * form-js's viewer has none) and form-js writes its few words in English in its code: "Select" in an empty
 * select, "Search", "No results", "Field is required." and the other validation messages. Its date fields
 * use flatpickr, whose month and weekday names are English unless flatpickr is given a locale.
 *
 * Loaded by config.js (customScripts) before Tasklist starts, when Tasklist speaks Chinese (the same choice
 * as Tasklist's: the browser's first language if Tasklist has it, else the fallback, zh):
 *  - flatpickr's default locale becomes Chinese (flatpickr.localize, its own API), with the month and weekday
 *    names of locales/zh.json, the file that gives Tasklist's dates their Chinese;
 *  - form-js's English words are replaced in the page as form-js writes them (a MutationObserver on the
 *    forms only: elements inside .fjs-container), text and the placeholder and aria-label attributes.
 * Nothing is changed for an English browser.
 */
import config from './config.js';

const TEXTS = new Map([
  ['Select', '请选择'],
  ['No results', '无匹配项'],
  ['All values selected', '已全部选择'],
  ['Add new', '添加'],
  ['Collapse', '收起'],
  ['Nothing to show.', '暂无数据。'],
  ['Date', '日期'],
  ['Time', '时间'],
  ['Field is required.', '此项为必填项。'],
  ['Field must be a valid email.', '请填写有效的电子邮件地址。'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    '请填写有效的国际电话号码（例如 +8683312345678）。']
]);

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不得小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不得大于 $1。'],
  [/^Field must have minimum length of (.+)\.$/, '至少 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '最多 $1 个字符。'],
  // the pattern itself (a regular expression) says nothing to a person; the field's description does
  [/^Field must match pattern .+\.$/, '格式不正确。'],
  [/^Expand all \((\d+)\)$/, '全部展开（$1）'],
  [/^Remove list item (\d+)$/, '删除第 $1 项']
];

const ATTRIBUTES = new Map([
  ['Search', '搜索'],
  ['Increment', '增加'],
  ['Decrement', '减少'],
  ['Previous page', '上一页'],
  ['Next page', '下一页']
]);

function chinese(english) {
  const trimmed = english.trim();
  if (TEXTS.has(trimmed)) {
    return english.replace(trimmed, TEXTS.get(trimmed));
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return english.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

function translate(root) {
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const replaced = /[A-Za-z]/.test(node.data) ? chinese(node.data) : null;
    if (replaced !== null && node.parentElement && node.parentElement.closest('.fjs-container')) {
      node.data = replaced;
    }
  }
  if (!root.querySelectorAll) {
    return;
  }
  const elements = [...root.querySelectorAll('[placeholder], [aria-label]')];
  if (root.matches('[placeholder], [aria-label]')) {
    elements.push(root);
  }
  for (const element of elements) {
    if (!element.closest('.fjs-container')) {
      continue;
    }
    for (const attribute of ['placeholder', 'aria-label']) {
      const value = element.getAttribute(attribute);
      const replaced = value && (ATTRIBUTES.get(value) || chinese(value));
      if (replaced) {
        element.setAttribute(attribute, replaced);
      }
    }
  }
}

/** flatpickr's locale from moment's (zh.json's dateLocales): months, weekdays, Monday first. */
function flatpickrLocale(dates) {
  return {
    months: { longhand: dates.months, shorthand: dates.monthsShort },
    weekdays: { longhand: dates.weekdays, shorthand: dates.weekdaysMin },
    firstDayOfWeek: dates.week ? dates.week.dow : 1,
    rangeSeparator: ' 至 ',
    weekAbbreviation: '周',
    scrollTitle: '滚动切换',
    toggleTitle: '点击切换 12/24 小时制',
    yearAriaLabel: '年',
    monthAriaLabel: '月',
    hourAriaLabel: '时',
    minuteAriaLabel: '分',
    time_24hr: true
  };
}

function tasklistLanguage() {
  const available = (config.locales && config.locales.availableLocales) || ['en'];
  const fallback = (config.locales && config.locales.fallbackLocale) || 'en';
  const browser = ((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0];
  return available.includes(browser.toLowerCase()) ? browser.toLowerCase() : fallback;
}

if (tasklistLanguage() === 'zh') {
  const zh = await fetch(new URL('../locales/zh.json', import.meta.url)).then(r => r.json());
  const locale = flatpickrLocale(zh.dateLocales);
  let localized = false;
  const localizeFlatpickr = () => {
    // flatpickr puts itself on window when form-js is first loaded; its locale counts for every picker made after
    if (!localized && window.flatpickr && window.flatpickr.localize) {
      window.flatpickr.localize(locale);
      localized = true;
    }
  };
  localizeFlatpickr();
  new MutationObserver(mutations => {
    localizeFlatpickr();
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translate(mutation.target.parentNode || mutation.target);
      } else if (mutation.type === 'attributes') {
        translate(mutation.target.parentNode || mutation.target);
      } else {
        mutation.addedNodes.forEach(node => translate(node.nodeType === Node.TEXT_NODE ? node.parentNode : node));
      }
    }
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'aria-label']
  });
}

export default [];
