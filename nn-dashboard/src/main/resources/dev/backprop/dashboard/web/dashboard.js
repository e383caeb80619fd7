// Backprop's training dashboard: loads /api/history, then follows /api/events (server-sent events).
// x on every chart is the training position in epochs (batch b of n in epoch e is at e - 1 + b/n).
(function () {
  'use strict';

  const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be185d', '#4d7c0f'];
  const CHART_HEIGHT = 260;

  const state = {
    run: null, status: null, batches: { x: [], loss: [], smoothed: [], stride: 1 }, progress: null,
    epochs: [], norms: [], latest: null, evaluation: null, diagramVersion: 0, dropped: 0,
  };
  const charts = {};
  const dirty = new Set();
  let source = null;
  let renderTimer = null;
  let reloadTimer = null;

  const $ = (id) => document.getElementById(id);

  // ---------- number formats ----------
  const dash = '–';
  const isNum = (v) => typeof v === 'number' && isFinite(v);
  const fmtLoss = (v) => (isNum(v) ? Number(v.toPrecision(5)).toString() : dash);
  const fmtPercent = (v) => (isNum(v) ? (100 * v).toFixed(2) + '%' : dash);
  const fmtRate = (v) => (isNum(v) ? (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(2) : Number(v.toPrecision(4)).toString()) : dash);
  const fmtSpeed = (v) => (isNum(v) ? Math.round(v).toLocaleString('en-US') : dash);
  function fmtDuration(seconds) {
    if (!isNum(seconds)) return dash;
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const two = (n) => String(n).padStart(2, '0');
    return h > 0 ? h + ':' + two(m) + ':' + two(r) : m + ':' + two(r);
  }

  // ---------- loading and streaming ----------
  async function load() {
    if (source) { source.close(); source = null; }
    clearTimeout(reloadTimer);
    let history;
    try {
      const response = await fetch('/api/history', { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      history = await response.json();
    } catch (e) {
      showConnection('disconnected', 'The dashboard server does not answer (' + e.message + '); retrying…');
      reloadTimer = setTimeout(load, 2000);
      return;
    }
    state.run = history.run;
    state.status = history.status;
    state.batches = history.batches || { x: [], loss: [], smoothed: [], stride: 1 };
    state.progress = history.progress;
    state.epochs = history.epochs || [];
    state.norms = history.norms || [];
    state.latest = history.latestSample;
    state.evaluation = history.evaluation;
    state.diagramVersion = history.diagramVersion;
    state.dropped = history.droppedBatches;
    buildCharts();
    ['run', 'status', 'progress', 'loss', 'accuracy', 'norms', 'histograms', 'epochs', 'evaluation', 'diagram']
      .forEach((part) => dirty.add(part));
    render();
    connect(history.lastEventId);
  }

  function connect(after) {
    source = new EventSource('/api/events?after=' + after);
    const on = (type, handle) => source.addEventListener(type, (event) => handle(JSON.parse(event.data)));
    on('batches', (data) => {
      const points = data.points;
      for (let i = 0; i < points.x.length; i++) {
        state.batches.x.push(points.x[i]);
        state.batches.loss.push(points.loss[i]);
        state.batches.smoothed.push(points.smoothed[i]);
      }
      state.batches.stride = points.stride;
      state.progress = data.progress;
      state.dropped = data.droppedBatches;
      schedule('loss', 'progress');
    });
    on('epoch', (epoch) => {
      const at = state.epochs.findIndex((e) => e.epoch >= epoch.epoch);
      if (at < 0) state.epochs.push(epoch);
      else if (state.epochs[at].epoch === epoch.epoch) state.epochs[at] = epoch;
      else state.epochs.splice(at, 0, epoch);
      schedule('loss', 'accuracy', 'epochs', 'progress');
    });
    on('sample', (sample) => {
      state.norms.push({
        x: sample.x, t: sample.t,
        weights: sample.layers.map((l) => l.weightNorm), gradients: sample.layers.map((l) => l.gradientNorm),
      });
      state.latest = sample;
      schedule('norms', 'histograms');
    });
    on('status', (status) => { state.status = status; schedule('status', 'progress'); });
    on('evaluation', (evaluation) => { state.evaluation = evaluation; schedule('evaluation'); });
    on('diagram', (diagram) => { state.diagramVersion = diagram.version; schedule('diagram'); });
    // A new run, a halved batch series, or events this page missed: start over from the history.
    on('reset', () => load());
    on('resample', () => load());
    source.onopen = () => schedule('status');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        showConnection('disconnected', 'The connection to the dashboard closed; retrying…');
        reloadTimer = setTimeout(load, 2000);
      } else {
        showConnection('disconnected', 'Reconnecting to the dashboard…');
      }
    };
  }

  function schedule(...parts) {
    parts.forEach((part) => dirty.add(part));
    if (renderTimer === null) renderTimer = setTimeout(render, 120);
  }

  function render() {
    renderTimer = null;
    const parts = new Set(dirty);
    dirty.clear();
    if (parts.has('run')) renderRun();
    if (parts.has('status')) renderStatus();
    if (parts.has('progress')) renderProgress();
    if (parts.has('loss')) renderLoss();
    if (parts.has('accuracy')) renderAccuracy();
    if (parts.has('norms')) renderNorms();
    if (parts.has('histograms')) renderHistograms();
    if (parts.has('epochs')) renderEpochs();
    if (parts.has('evaluation')) renderEvaluation();
    if (parts.has('diagram')) renderDiagram();
  }

  // ---------- header, run and progress ----------
  function showConnection(stateName, message) {
    $('status').dataset.state = stateName;
    $('status').textContent = stateName;
    $('status-message').textContent = message;
    $('stop').disabled = true;
  }

  function renderStatus() {
    const status = state.status || { state: 'waiting', message: null };
    $('status').dataset.state = status.state;
    $('status').textContent = status.state;
    $('status-message').textContent = status.message || '';
    $('stop').disabled = status.state !== 'running';
  }

  function renderRun() {
    const run = state.run;
    const summary = $('run-summary');
    summary.textContent = '';
    if (!run) { summary.textContent = 'No run yet: waiting for training to start.'; renderLayers(); return; }
    const parts = [];
    const add = (label, value) => { if (value !== null && value !== undefined) parts.push([label, value]); };
    add('source', run.source);
    add('loss', run.loss);
    if (run.optimizer) {
      const settings = Object.entries(run.optimizerSettings || {}).map(([k, v]) => k + '=' + v).join(', ');
      add('optimizer', run.optimizer + (settings ? ' (' + settings + ')' : ''));
    }
    add('epochs', run.epochs);
    add('batch size', run.batchSize);
    add('examples', isNum(run.examples) ? run.examples.toLocaleString('en-US') : null);
    add('parameters', run.parameters.toLocaleString('en-US'));
    parts.forEach(([label, value], i) => {
      if (i > 0) summary.append(' · ');
      summary.append(label + ' ');
      const b = document.createElement('b');
      b.textContent = String(value);
      summary.append(b);
    });
    renderLayers();
  }

  function renderLayers() {
    const table = $('layers');
    table.textContent = '';
    (state.run ? state.run.layers : []).forEach((layer) => {
      const row = table.insertRow();
      [layer.name, layer.inputs + ' → ' + layer.units, layer.activation].forEach((text) => {
        row.insertCell().textContent = text;
      });
    });
  }

  function renderProgress() {
    const p = state.progress;
    const last = state.epochs.length ? state.epochs[state.epochs.length - 1] : null;
    const epochs = p ? p.epochs : (state.run && state.run.epochs) || (last ? last.epochs : null);
    const position = p ? p.x : (last ? last.epoch : 0);
    $('progress-fill').style.width = (epochs ? Math.min(100, (100 * position) / epochs) : 0) + '%';
    $('fig-epoch').textContent = p ? p.epoch + ' / ' + p.epochs : (last ? last.epoch + ' / ' + last.epochs : dash);
    $('fig-batch').textContent = p ? p.batch + ' / ' + p.batches : dash;
    $('fig-rate').textContent = fmtRate(p ? p.learningRate : (last ? last.learningRate : null));
    $('fig-speed').textContent = fmtSpeed(p ? p.samplesPerSecond : null);
    $('fig-elapsed').textContent = fmtDuration(p ? p.elapsedSeconds : null);
    const finished = state.status && ['finished', 'stopped', 'failed'].includes(state.status.state);
    $('fig-eta').textContent = finished ? 'done' : fmtDuration(p ? p.etaSeconds : null);
    $('fig-loss').textContent = fmtLoss(last ? last.loss : null);
    $('fig-val-accuracy').textContent = fmtPercent(last ? last.validationAccuracy : null);
    const dropped = $('dropped');
    dropped.hidden = !state.dropped;
    dropped.textContent = state.dropped
      ? state.dropped + ' batch reports were not shown because the dashboard fell behind (training was not slowed).'
      : '';
  }

  // ---------- charts ----------
  function chartWidth(element) {
    return Math.max(300, element.clientWidth || element.parentElement.clientWidth - 32);
  }

  function makeChart(id, series, yLabel) {
    const element = $(id);
    if (charts[id]) charts[id].destroy();
    element.textContent = '';
    const options = {
      width: chartWidth(element), height: CHART_HEIGHT,
      scales: { x: { time: false } },
      series: [{ label: 'epoch', value: (u, v) => (v == null ? dash : v.toFixed(3)) }].concat(series),
      axes: [{ label: 'epoch' }, { label: yLabel, size: 60 }],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
    };
    const data = [[]].concat(series.map(() => []));
    charts[id] = new uPlot(options, data, element);
  }

  function line(label, color, options) {
    return Object.assign({ label, stroke: color, width: 1.5, points: { show: false }, spanGaps: true }, options || {});
  }

  function buildCharts() {
    makeChart('loss-chart', [
      line('batch loss', '#93c5fd', { width: 1 }),
      line('batch loss, smoothed', COLORS[0], { width: 2 }),
      line('epoch loss', '#111827', { width: 2, points: { show: true, size: 6 } }),
      line('validation loss', COLORS[1], { width: 2, points: { show: true, size: 6 } }),
    ], 'loss');
    makeChart('accuracy-chart', [
      line('training accuracy (%)', '#111827', { width: 2, points: { show: true, size: 6 } }),
      line('validation accuracy (%)', COLORS[1], { width: 2, points: { show: true, size: 6 } }),
    ], 'accuracy (%)');
    const layers = state.run ? state.run.layers : (state.latest ? state.latest.layers : []);
    const perLayer = layers.map((layer, i) => line(layer.name, COLORS[i % COLORS.length], { width: 2 }));
    makeChart('weight-norm-chart', perLayer, '‖W‖₂');
    makeChart('gradient-norm-chart', perLayer.map((s) => Object.assign({}, s)), '‖∂E/∂W‖₂');
  }

  function epochColumn(key, scale) {
    return state.epochs.map((e) => (isNum(e[key]) ? e[key] * (scale || 1) : null));
  }

  function renderLoss() {
    const b = state.batches;
    const x = state.epochs.map((e) => e.epoch);
    const data = uPlot.join([[b.x, b.loss, b.smoothed], [x, epochColumn('loss'), epochColumn('validationLoss')]]);
    charts['loss-chart'].setData(data);
    const element = $('loss-chart');
    element.dataset.epochs = String(state.epochs.length);
    element.dataset.batchPoints = String(b.x.length);
    $('stride').textContent = String(b.stride || 1);
  }

  function renderAccuracy() {
    const x = state.epochs.map((e) => e.epoch);
    charts['accuracy-chart'].setData([x, epochColumn('accuracy', 100), epochColumn('validationAccuracy', 100)]);
    $('accuracy-chart').dataset.epochs = String(state.epochs.length);
  }

  function renderNorms() {
    const x = state.norms.map((n) => n.x);
    const layerCount = charts['weight-norm-chart'].series.length - 1;
    const column = (key, i) => state.norms.map((n) => (isNum(n[key][i]) ? n[key][i] : null));
    const weights = [x], gradients = [x];
    for (let i = 0; i < layerCount; i++) {
      weights.push(column('weights', i));
      gradients.push(column('gradients', i));
    }
    charts['weight-norm-chart'].setData(weights);
    charts['gradient-norm-chart'].setData(gradients);
    $('weight-norm-chart').dataset.points = String(x.length);
    $('gradient-norm-chart').dataset.points = String(x.length);
  }

  // ---------- histograms ----------
  function renderHistograms() {
    const container = $('histograms');
    const sample = state.latest;
    if (!sample) return;
    container.textContent = '';
    $('histogram-when').textContent = 'weights, and activations on the probe batch · measured at epoch '
      + (isNum(sample.x) ? sample.x.toFixed(2) : dash);
    sample.layers.forEach((layer) => {
      const box = document.createElement('div');
      box.className = 'histogram';
      box.dataset.layer = layer.name;
      const title = document.createElement('h3');
      title.textContent = layer.name;
      box.append(title);
      addHistogram(box, 'weights', layer.weights, COLORS[0]);
      if (layer.activations) addHistogram(box, 'activations', layer.activations, COLORS[4]);
      container.append(box);
    });
  }

  function addHistogram(box, label, histogram, color) {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-label', label + ' histogram');
    box.append(canvas);
    const range = document.createElement('div');
    range.className = 'range';
    const low = document.createElement('span');
    const name = document.createElement('span');
    const high = document.createElement('span');
    low.textContent = fmtLoss(histogram.min);
    name.textContent = label + (histogram.nonFinite ? ' (' + histogram.nonFinite + ' not finite)' : '');
    high.textContent = fmtLoss(histogram.max);
    range.append(low, name, high);
    box.append(range);
    requestAnimationFrame(() => drawBars(canvas, histogram.counts, color));
  }

  function drawBars(canvas, counts, color) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 300, height = canvas.clientHeight || 70;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    const most = Math.max(1, ...counts);
    const bar = width / counts.length;
    g.fillStyle = color;
    counts.forEach((count, i) => {
      const h = (count / most) * (height - 4);
      g.fillRect(i * bar + 0.5, height - h, Math.max(1, bar - 1), h);
    });
  }

  // ---------- tables ----------
  function renderEpochs() {
    const body = $('epochs').tBodies[0];
    body.textContent = '';
    for (let i = state.epochs.length - 1; i >= 0; i--) {
      const e = state.epochs[i];
      const row = body.insertRow();
      row.dataset.epoch = String(e.epoch);
      const cells = [
        ['epoch', String(e.epoch)], ['loss', fmtLoss(e.loss)], ['accuracy', fmtPercent(e.accuracy)],
        ['validation-loss', fmtLoss(e.validationLoss)], ['validation-accuracy', fmtPercent(e.validationAccuracy)],
        ['learning-rate', fmtRate(e.learningRate)], ['seconds', isNum(e.seconds) ? e.seconds.toFixed(2) : dash],
      ];
      cells.forEach(([name, text]) => {
        const cell = row.insertCell();
        cell.className = name;
        cell.textContent = text;
      });
    }
  }

  function renderEvaluation() {
    const container = $('confusion');
    const ev = state.evaluation;
    if (!ev) { container.innerHTML = '<p class="empty">Shown when training ends.</p>'; return; }
    container.textContent = '';
    const summary = document.createElement('p');
    summary.className = 'run-summary';
    summary.textContent = 'Accuracy ' + fmtPercent(ev.accuracy) + ' on ' + ev.total.toLocaleString('en-US') + ' examples.';
    container.append(summary);
    const table = document.createElement('table');
    table.className = 'confusion';
    const classes = ev.classes.length;
    const head = table.createTHead().insertRow();
    head.append(th(''));
    ev.classes.forEach((name) => head.append(th(name)));
    head.append(th('recall'));
    const body = table.createTBody();
    for (let a = 0; a < classes; a++) {
      const row = body.insertRow();
      row.append(th(ev.classes[a]));
      const total = Math.max(1, ev.support[a]);
      for (let p = 0; p < classes; p++) {
        const cell = row.insertCell();
        const count = ev.counts[a][p];
        cell.textContent = String(count);
        const share = count / total;
        const tint = a === p ? '22, 163, 74' : '220, 38, 38';
        cell.style.background = count ? 'rgba(' + tint + ',' + (0.12 + 0.75 * share).toFixed(3) + ')' : '';
      }
      const recall = row.insertCell();
      recall.className = 'figure recall';
      recall.textContent = fmtPercent(ev.recall[a]);
    }
    const precision = body.insertRow();
    precision.append(th('precision'));
    ev.precision.forEach((value) => {
      const cell = precision.insertCell();
      cell.className = 'figure precision';
      cell.textContent = fmtPercent(value);
    });
    precision.insertCell().className = 'figure';
    container.append(table);
  }

  function th(text) {
    const cell = document.createElement('th');
    cell.textContent = text;
    return cell;
  }

  function renderDiagram() {
    const container = $('diagram');
    container.textContent = '';
    if (!state.diagramVersion) return;
    const image = document.createElement('img');
    image.alt = 'Network diagram';
    image.src = '/diagram.svg?v=' + state.diagramVersion;
    container.append(image);
  }

  // ---------- controls ----------
  async function stop() {
    const button = $('stop');
    button.disabled = true;
    try {
      const response = await fetch('/api/stop', { method: 'POST' });
      if (!response.ok) throw new Error(await response.text());
    } catch (e) {
      $('status-message').textContent = 'Could not ask training to stop: ' + e.message;
      button.disabled = false;
    }
  }

  window.addEventListener('resize', () => {
    Object.entries(charts).forEach(([id, chart]) => chart.setSize({ width: chartWidth($(id)), height: CHART_HEIGHT }));
    schedule('histograms');
  });

  document.addEventListener('DOMContentLoaded', () => {
    $('stop').addEventListener('click', stop);
    load();
  });
}());
