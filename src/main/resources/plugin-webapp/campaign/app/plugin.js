/*
 * 集中要约月 in Cockpit: the campaign at a glance per reporting unit (table and chart) and the offers behind
 * each figure, one click from their process instances. Plain ES module, no library: Cockpit loads it
 * from the plugin's own jar (CampaignCockpitPlugin) and hands each plugin point a DOM node to fill.
 *
 * Data: /camunda/api/cockpit/plugin/campaign/{engine}/campaigns[/{id}/statistics | /{id}/offers], behind
 * the webapp's login; the server decides which units the person sees.
 */

const PATH = '/campaign';

/** The figures of the table, in the order supervisors read them; `key` names the server's CampaignFigure. */
const FIGURES = [
  {key: 'OFFERED', label: '发出要约', value: u => u.total.offered},
  {key: 'RESPONDED', label: '回应约', value: u => u.total.responded},
  {key: 'OVERDUE', label: '逾期未应约', value: u => u.overdue, alarm: true},
  {key: 'RECTIFICATION', label: '整改中', value: u => u.inRectification, alarm: true},
  {key: 'LABOUR_BUREAU', label: '人社局责令改正中', value: u => u.atLabourBureau, alarm: true},
  {key: 'SIGNED', label: '已签订合同', value: u => u.total.renewed.enterprises + u.total.newlySigned.enterprises}
];

const STATUS = {
  AWAITING_RESPONSE: '待应约', REFUSAL_REVIEW: '审查拒绝理由', RECTIFICATION: '整改中',
  LABOUR_BUREAU: '人社局责令改正', SANCTION: '三方追责', ACCEPTED: '已应约', NEGOTIATING: '协商中',
  CONGRESS_VOTE: '职代会审议', FILING: '待报送审查', UNDER_REVIEW: '人社局审查中', EFFECTIVE: '合同生效', CLOSED: '已结案'
};
const CONTRACT = {NEW: '新签', RENEWED: '续签'};
const KIND = {SINGLE: '单独要约', REGIONAL: '区域(行业)性要约'};

// ---- DOM helpers: every text goes in as a text node, so names typed by people are never markup

function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value);
  });
  children.flat().forEach(child => {
    if (child === undefined || child === null || child === false) return;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.appendChild(document.createTextNode(String(text)));
  return node;
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + '%';
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-US',
  {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit'});

/** The last day of a period (yyyy-mm-dd) from the instant it ends: 24:00 Shanghai of that day (民法典第二百零三条). */
function lastDay(instant) {
  if (!instant) return '';
  const parts = Object.fromEntries(SHANGHAI_DAY.formatToParts(new Date(new Date(instant).getTime() - 1))
    .map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// ---- the data

function client(api) {
  const base = `${api.cockpitApi}/plugin/campaign/${api.engine}`;
  return async path => {
    const response = await fetch(base + path, {
      credentials: 'same-origin',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || `${response.status}`);
    return body;
  };
}

function hashParameter(name) {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get(name);
}

// ---- the chart: per unit, offers with answers and contracts inside them; the establishment rate
// against the target beside it

function chart(units, targetRate) {
  const rowHeight = 26, top = 46, labelWidth = 130, barsWidth = 420, gap = 50, rateWidth = 260;
  const width = labelWidth + barsWidth + gap + rateWidth + 50;
  const height = top + units.length * rowHeight + 10;
  const most = Math.max(1, ...units.map(u => u.total.offered));
  const svg = s('svg', {
    class: 'campaign-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': '各填报单位要约、应约、签订合同与建制率'
  });
  const barsX = labelWidth, rateX = labelWidth + barsWidth + gap;
  svg.appendChild(s('text', {x: barsX, y: 14, class: 'chart-title'}, '要约、应约与签订合同（企业数）'));
  svg.appendChild(s('text', {x: rateX, y: 14, class: 'chart-title'}, `建制率（目标 ${percent(targetRate)}）`));
  [['offered', '发出要约'], ['responded', '回应约'], ['signed', '已签订合同']].forEach(([css, label], i) => {
    svg.appendChild(s('rect', {x: barsX + i * 120, y: 24, width: 12, height: 12, class: css}));
    svg.appendChild(s('text', {x: barsX + i * 120 + 16, y: 34, class: 'legend-text'}, label));
  });
  units.forEach((u, i) => {
    const y = top + i * rowHeight;
    const signed = u.total.renewed.enterprises + u.total.newlySigned.enterprises;
    const scale = n => (n / most) * (barsWidth - 40);
    const row = s('g', {class: 'unit', 'data-unit': u.unit});
    row.appendChild(s('text', {x: labelWidth - 8, y: y + 16, class: 'unit-name', 'text-anchor': 'end'}, u.unitName));
    row.appendChild(s('rect', {x: barsX, y: y + 3, width: scale(u.total.offered), height: 18, class: 'offered'}));
    row.appendChild(s('rect', {x: barsX, y: y + 7, width: scale(u.total.responded), height: 10, class: 'responded'}));
    row.appendChild(s('rect', {x: barsX, y: y + 9, width: scale(signed), height: 6, class: 'signed'}));
    row.appendChild(s('text', {x: barsX + scale(u.total.offered) + 6, y: y + 16, class: 'figure-value'},
      `${u.total.offered} / ${u.total.responded} / ${signed}`));
    row.appendChild(s('rect', {x: rateX, y: y + 3, width: rateWidth, height: 18, class: 'rate-track'}));
    if (u.establishmentRate !== null && u.establishmentRate !== undefined) {
      const reached = u.establishmentRate >= targetRate;
      row.appendChild(s('rect', {x: rateX, y: y + 3, width: rateWidth * Math.min(1, u.establishmentRate), height: 18,
        class: reached ? 'rate reached' : 'rate short'}));
    }
    row.appendChild(s('text', {x: rateX + rateWidth + 6, y: y + 16, class: 'figure-value'}, percent(u.establishmentRate)));
    svg.appendChild(row);
  });
  const targetX = rateX + rateWidth * targetRate;
  svg.appendChild(s('line', {x1: targetX, x2: targetX, y1: top - 4, y2: height - 6, class: 'target'}));
  return svg;
}

// ---- the page

function campaignPage(container, api) {
  const get = client(api);
  const root = h('div', {class: 'campaign-plugin'});
  container.appendChild(root);
  const state = {campaigns: [], campaign: null, table: null};

  function fail(error) {
    root.replaceChildren(h('h1', {}, '集中要约月'), h('div', {class: 'alert alert-danger'}, '无法读取：' + error.message));
  }

  async function showCampaign(id) {
    state.campaign = state.campaigns.find(c => c.id === id);
    state.table = await get(`/campaigns/${encodeURIComponent(id)}/statistics`);
    render();
  }

  async function showOffers(unit, figure, target) {
    const label = FIGURES.find(f => f.key === figure).label;
    const where = unit ? state.table.units.find(u => u.unit === unit).unitName : '全市';
    target.replaceChildren(h('p', {class: 'loading'}, '正在读取……'));
    const query = `figure=${figure}` + (unit ? `&unit=${unit}` : '');
    const offers = await get(`/campaigns/${encodeURIComponent(state.campaign.id)}/offers?${query}`);
    target.replaceChildren(
      h('h3', {class: 'offers-title'}, `${where} · ${label}（${offers.length}）`),
      offers.length === 0 ? h('p', {}, '没有要约。') : h('table', {class: 'table table-striped campaign-offers'},
        h('thead', {}, h('tr', {}, ['要约编号', '类型', '企业', '统一社会信用代码', '职工人数', '要约日期', '应约期限',
          '应约日期', '状态'].map(t => h('th', {}, t)))),
        h('tbody', {}, offers.map(o => h('tr', {},
          h('td', {}, h('a', {href: `#/process-instance/${o.processInstanceId}/runtime`, class: 'offer-link'},
            o.offerNumber)),
          h('td', {}, KIND[o.kind] || o.kind),
          h('td', {}, o.enterpriseName),
          h('td', {}, o.creditCode),
          h('td', {class: 'number'}, o.workforce),
          h('td', {}, o.offerDate),
          h('td', {}, lastDay(o.responseDueAt)),
          h('td', {}, o.respondedOn || ''),
          h('td', {}, (STATUS[o.status] || o.status) + (o.contractKind ? `（${CONTRACT[o.contractKind]}）` : ''))))))
    );
    target.scrollIntoView({block: 'nearest'});
  }

  function figureCell(unit, figure, value, offersBox) {
    const cell = h('td', {class: 'number' + (figure.alarm && value > 0 ? ' alarm' : '')});
    if (value > 0) {
      cell.appendChild(h('a', {
        href: '', 'data-unit': unit || 'CITY', 'data-figure': figure.key, title: `查看${figure.label}的要约`,
        onclick: event => {
          event.preventDefault();
          showOffers(unit, figure.key, offersBox).catch(error => offersBox.replaceChildren(
            h('div', {class: 'alert alert-danger'}, '无法读取：' + error.message)));
        }
      }, value));
    } else {
      cell.appendChild(document.createTextNode(String(value)));
    }
    return cell;
  }

  function render() {
    const table = state.table;
    const offersBox = h('div', {class: 'campaign-offers-box'});
    const rows = table.city ? [...table.units, table.city] : table.units;
    const selector = h('select', {class: 'form-control campaign-select', onchange: e => {
      showCampaign(e.target.value).catch(fail);
    }}, state.campaigns.map(c => h('option', {value: c.id, selected: c.id === state.campaign.id ? 'selected' : null},
      c.name)));
    root.replaceChildren(
      h('div', {class: 'campaign-head'},
        h('h1', {}, '集中要约月'),
        selector),
      h('p', {class: 'campaign-period'},
        `要约期间 ${table.startDate} 至 ${table.endDate}，统计表报送截止 ${table.reportDeadline}，建制率目标 `
        + percent(table.targetRate) + '。',
        table.city ? '全市16个填报单位及全市合计。' : '本单位。'),
      h('table', {class: 'table table-bordered campaign-table'},
        h('thead', {}, h('tr', {},
          h('th', {}, '填报单位'),
          FIGURES.map(f => h('th', {class: 'number'}, f.label)),
          h('th', {class: 'number'}, '合同覆盖职工人数'),
          h('th', {class: 'number'}, '建制率'),
          h('th', {}, '对照目标'))),
        h('tbody', {}, rows.map(u => {
          const city = u.unit === 'CITY';
          const reached = u.establishmentRate !== null && u.establishmentRate >= table.targetRate;
          return h('tr', {class: city ? 'city' : null, 'data-unit': u.unit},
            h('th', {}, u.unitName),
            FIGURES.map(f => figureCell(city ? null : u.unit, f, f.value(u), offersBox)),
            h('td', {class: 'number'}, u.total.renewed.workers + u.total.newlySigned.workers),
            h('td', {class: 'number rate'}, percent(u.establishmentRate)),
            h('td', {class: u.establishmentRate === null ? 'muted' : reached ? 'reached' : 'short'},
              u.establishmentRate === null ? '名录无数据' : reached ? '达标' : '未达标'));
        }))),
      h('p', {class: 'campaign-hint'}, '点击数字查看相应的要约；点击要约编号打开其流程实例。'),
      chart(table.units, table.targetRate),
      offersBox);
  }

  get('/campaigns').then(list => {
    state.campaigns = list;
    if (list.length === 0) {
      root.replaceChildren(h('h1', {}, '集中要约月'), h('p', {}, '尚未发起集中要约月活动。'));
      return;
    }
    const wanted = hashParameter('campaign');
    return showCampaign(list.some(c => c.id === wanted) ? wanted : list[0].id);
  }).catch(fail);
}

// ---- the dashboard's summary: the latest campaign's figures for what the person sees

function dashboardSummary(container, api) {
  const get = client(api);
  const box = h('section', {class: 'campaign-dashboard'});
  container.appendChild(box);
  get('/campaigns').then(async list => {
    if (list.length === 0) {
      box.replaceChildren(h('h4', {class: 'campaign-dashboard-title'}, '集中要约月'), h('p', {}, '尚未发起集中要约月活动。'));
      return;
    }
    const table = await get(`/campaigns/${encodeURIComponent(list[0].id)}/statistics`);
    const whole = table.city || table.units[0];
    box.replaceChildren(
      h('h4', {class: 'campaign-dashboard-title'}, '集中要约月'),
      h('p', {}, `${table.campaignName}（${whole.unitName}）`),
      h('ul', {class: 'campaign-dashboard-figures'}, [...FIGURES.map(f => h('li', {},
        h('span', {class: 'dashboard-value' + (f.alarm && f.value(whole) > 0 ? ' alarm' : '')}, f.value(whole)),
        h('span', {class: 'dashboard-label'}, f.label))),
      h('li', {}, h('span', {class: 'dashboard-value'}, percent(whole.establishmentRate)),
        h('span', {class: 'dashboard-label'}, `建制率（目标 ${percent(table.targetRate)}）`))]),
      h('a', {href: `#${PATH}?campaign=${encodeURIComponent(list[0].id)}`}, '查看各填报单位 →'));
  }).catch(() => box.remove());
}

export default [
  {
    id: 'campaign-route',
    pluginPoint: 'cockpit.route',
    properties: {path: PATH},
    render: (container, {api}) => campaignPage(container, api)
  },
  {
    // no render: Cockpit draws the header link itself from pagePath and label
    id: 'campaign-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {path: PATH, pagePath: `#${PATH}`, label: '集中要约月'}
  },
  {
    id: 'campaign-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (container, {api}) => dashboardSummary(container, api)
  }
];
