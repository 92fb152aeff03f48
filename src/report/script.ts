/**
 * The report's inline script (plain ES2017, no modules): it reads the embedded JSON and draws the
 * charts as SVG, so the file needs no network and no library.
 */
export const reportScript = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('stagecraft-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var palette = ['#4f7cff', '#f2994a', '#27ae60', '#bb6bd9', '#eb5757', '#2d9cdb', '#f2c94c', '#6fcf97', '#9b51e0', '#56ccf2', '#219653', '#f08a8a'];
  var baseColor = '#a9b4c8';

  function el(name, attrs, parent) {
    var n = document.createElementNS(NS, name);
    for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(n);
    return n;
  }
  function text(parent, x, y, s, attrs) {
    var t = el('text', Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = s;
    return t;
  }
  function title(node, s) { el('title', {}, node).textContent = s; }
  function bytes(n) {
    if (n < 1000) return n + ' B';
    var u = ['kB', 'MB', 'GB', 'TB'], i = -1;
    do { n /= 1000; i++; } while (n >= 1000 && i < u.length - 1);
    return (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)) + ' ' + u[i];
  }
  function shade(hex, f) {
    var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    function mix(c) { return Math.round(c + (255 - c) * f); }
    return 'rgb(' + mix(r) + ',' + mix(g) + ',' + mix(b) + ')';
  }
  function short(s, n) { s = (s || '').replace(/\s+/g, ' ').replace(/ # buildkit$/, '').trim(); return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; }
  function fit(s, width, px) { var max = Math.floor(width / (px * 0.6)); return max < 3 ? '' : short(s, max); }

  // Layer breakdown: one bar per layer, proportional to its size, base layers in grey.
  function layerChart(host, image, maxSize, maxTotal) {
    var layers = image.layers;
    var W = host.clientWidth || 560, rowH = 26, labelW = Math.min(300, W * 0.48), barW = W - labelW - 90;
    var svg = el('svg', { width: W, height: layers.length * rowH + 40, viewBox: '0 0 ' + W + ' ' + (layers.length * rowH + 40), class: 'chart layer-chart', role: 'img' }, host);
    title(svg, 'Layer sizes of ' + image.name);
    var total = 0; layers.forEach(function (l) { total += l.size; });
    // Stacked overview bar.
    var x = 0, sw = W - 2;
    layers.forEach(function (l, i) {
      var w = maxTotal > 0 ? (l.size / maxTotal) * sw : 0;
      if (w <= 0) return;
      var r = el('rect', { x: 1 + x, y: 4, width: Math.max(w, 0.5), height: 18, fill: l.fromBase ? baseColor : palette[i % palette.length], class: 'layer-stack' }, svg);
      title(r, 'layer ' + l.index + ': ' + bytes(l.size));
      x += w;
    });
    layers.forEach(function (l, i) {
      var y = 34 + i * rowH;
      text(svg, 0, y + 15, fit((l.fromBase ? '[base] ' : '') + (l.createdBy || '(no history)'), labelW - 8, 12), { class: 'label' });
      var w = maxSize > 0 ? Math.max((l.size / maxSize) * barW, l.size > 0 ? 1 : 0) : 0;
      var r = el('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, rx: 3, fill: l.fromBase ? baseColor : palette[i % palette.length], class: 'layer-bar' }, svg);
      title(r, 'layer ' + l.index + ' \u2014 ' + bytes(l.size) + '\n' + (l.createdBy || ''));
      text(svg, labelW + w + 6, y + 15, bytes(l.size), { class: 'value' });
    });
  }

  // Squarified treemap (Bruls, Huizing, van Wijk): rows of boxes kept close to square.
  function squarify(items, x, y, w, h) {
    var out = [], rest = items.slice(), total = 0;
    rest.forEach(function (it) { total += it.value; });
    if (total <= 0) return out;
    var scale = (w * h) / total;
    var boxes = rest.map(function (it) { return { item: it, area: it.value * scale }; });
    while (boxes.length) {
      var side = Math.min(w, h), row = [], best = Infinity;
      while (boxes.length) {
        var cand = row.concat([boxes[0]]), s = 0, mx = 0, mn = Infinity;
        cand.forEach(function (b) { s += b.area; mx = Math.max(mx, b.area); mn = Math.min(mn, b.area); });
        var worst = Math.max((side * side * mx) / (s * s), (s * s) / (side * side * mn));
        if (worst > best) break;
        best = worst; row = cand; boxes.shift();
      }
      var rowArea = 0; row.forEach(function (b) { rowArea += b.area; });
      var thick = rowArea / side, off = 0;
      row.forEach(function (b) {
        var len = b.area / thick;
        if (w >= h) out.push({ item: b.item, x: x, y: y + off, w: thick, h: len });
        else out.push({ item: b.item, x: x + off, y: y, w: len, h: thick });
        off += len;
      });
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
    }
    return out;
  }

  function treemap(host, image) {
    var W = host.clientWidth || 560, H = Math.round(Math.max(260, Math.min(520, W * 0.62)));
    var svg = el('svg', { width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, class: 'chart treemap', role: 'img' }, host);
    title(svg, 'Largest folders of ' + image.name);
    var root = image.folders;
    function kids(node) { return (node.children || []).filter(function (c) { return c.size > 0; }).map(function (c) { return { node: c, value: c.size }; }); }
    function draw(node, x, y, w, h, depth, color) {
      var cells = squarify(kids(node), x, y, w, h);
      cells.forEach(function (c, i) {
        var col = depth === 0 ? palette[i % palette.length] : color;
        var fill = depth === 0 ? col : shade(col, 0.12 * depth + 0.08 * (i % 3));
        var g = el('g', { class: 'cell depth-' + depth }, svg);
        var r = el('rect', { x: c.x + 1, y: c.y + 1, width: Math.max(c.w - 2, 0), height: Math.max(c.h - 2, 0), fill: fill, stroke: '#fff', 'stroke-width': depth === 0 ? 2 : 1, class: 'treemap-rect' }, g);
        title(r, c.item.node.path + ' \u2014 ' + bytes(c.item.node.size) + ' (' + c.item.node.files + ' files)');
        var header = c.w > 46 && c.h > 30;
        if (header) {
          text(g, c.x + 5, c.y + 14, fit(c.item.node.name, c.w - 8, 11), { class: 'tm-label' });
          text(g, c.x + 5, c.y + 27, fit(bytes(c.item.node.size), c.w - 8, 10), { class: 'tm-size' });
        }
        if (depth < 2 && c.item.node.children && c.w > 60 && c.h > 60) draw(c.item.node, c.x + 3, c.y + 32, c.w - 6, c.h - 35, depth + 1, col);
      });
    }
    draw(root, 0, 0, W, H, 0, null);
  }

  function compareChart(host, images, labels) {
    var W = host.clientWidth || 800, rowH = 34;
    var longest = Math.max.apply(null, images.map(function (img, i) { return (labels[i] || img.name).length; }));
    var labelW = Math.min(Math.max(120, longest * 8 + 16), W * 0.4);
    var max = Math.max.apply(null, images.map(function (i) { return i.size; }));
    var svg = el('svg', { width: W, height: images.length * rowH + 10, viewBox: '0 0 ' + W + ' ' + (images.length * rowH + 10), class: 'chart compare-chart', role: 'img' }, host);
    images.forEach(function (img, i) {
      var y = 4 + i * rowH, w = max > 0 ? Math.max((img.size / max) * (W - labelW - 100), 1) : 0;
      text(svg, 0, y + 19, fit(labels[i] || img.name, labelW - 10, 13), { class: 'label strong' });
      var r = el('rect', { x: labelW, y: y + 2, width: w, height: rowH - 10, rx: 4, fill: i === 0 ? '#27ae60' : '#eb5757', class: 'compare-bar' }, svg);
      title(r, img.name + ': ' + bytes(img.size));
      text(svg, labelW + w + 8, y + 19, bytes(img.size), { class: 'value strong' });
    });
  }

  var maxLayer = 0, maxTotal = 0;
  data.images.forEach(function (img) { maxTotal = Math.max(maxTotal, img.size); img.layers.forEach(function (l) { maxLayer = Math.max(maxLayer, l.size); }); });
  data.images.forEach(function (img, i) {
    var lc = document.getElementById('layers-' + i); if (lc) layerChart(lc, img, maxLayer, maxTotal);
    var tm = document.getElementById('treemap-' + i); if (tm) treemap(tm, img);
  });
  var cc = document.getElementById('compare-chart');
  if (cc) compareChart(cc, data.images, data.labels || []);
  document.body.setAttribute('data-rendered', 'true');
})();
`;
