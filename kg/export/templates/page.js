/* kg interactive map (runs on vis-network, inlined beside this script).
 *
 * Safety: every name, title and evidence string reaches the DOM through textContent or
 * canvas fillText, never innerHTML; vis-network never gets a `title` (it would render an
 * HTML element); links are made only for http(s) URLs, with rel="noopener noreferrer".
 * Names that hold right-to-left text arrive wrapped in a bidi isolate (FSI ... PDI) and
 * every name element isolates too (CSS unicode-bidi: isolate), so no name can reorder
 * the text around it.
 * Speed: positions come from Python. Big maps give vis-network no edges (kg draws them
 * as one canvas path per weight class), and maps above the overview size open on the
 * map of their clusters: vis-network then holds one node per cluster, and a click puts
 * that cluster's nodes in its place.
 */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var N = D.nodes, E = D.edges, T = D.types, ET = D.etypes, P = D.papers || [], C = D.clusters || [];
  var i, j;
  for (i = 0; i < N.length; i++) N[i].id = i;
  for (j = 0; j < E.length; j++) E[j].id = j;
  var container = document.getElementById("kg-graph");
  var tip = document.getElementById("kg-tooltip");
  var details = document.getElementById("kg-details");
  var detailsBody = document.getElementById("kg-details-body");
  var FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";
  var LABEL_FONT = "12px " + FONT_FAMILY, LABEL_FONT_BOLD = "600 12.5px " + FONT_FAMILY;
  var CLUSTER_FONT = "600 13px " + FONT_FAMILY;
  var LABEL_CHARS = 36, LABEL_BUDGET = 140, TIP_ROWS = 8, PANEL_ROWS = 250, LEGEND_CLUSTERS = 15, CLUSTER_LABELS = 40;
  var WMAX = Math.max(D.wmax || 1, 1);

  // --- helpers -------------------------------------------------------------------------
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function cut(s, k) {
    s = String(s);
    if (s.length <= k) return s;
    // keep a bidi isolate closed when cutting inside it
    var open = s.charAt(0) === "\u2068";
    return s.slice(0, k - 1) + "\u2026" + (open ? "\u2069" : "");
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }
  function safeUrl(u) { return /^https?:\/\/[^\s\/]+/i.test(String(u)) && !/[\s\u0000-\u001f]/.test(String(u)) ? String(u) : null; }
  function link(url, text) {
    var ok = safeUrl(url);
    if (!ok) return el("span", null, text);
    var a = el("a", "kg-link", text);
    a.href = ok; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function monthText(m) { var y = Math.floor(m / 12), mm = m % 12 + 1; return y + "-" + (mm < 10 ? "0" : "") + mm; }
  function hexRgb(h) { return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]; }
  // weight class of a link, 0..3, by its weight relative to the heaviest (log scale):
  // width and opacity grow with it at every map size
  function wclass(e) {
    var w = e.w === undefined ? 1 : e.w;
    if (WMAX <= 1) return 1;
    var r = Math.log(1 + Math.max(w, 0)) / Math.log(1 + WMAX);
    return r < 0.25 ? 0 : r < 0.5 ? 1 : r < 0.75 ? 2 : 3;
  }
  var WIDTH = [0.6, 1.4, 2.6, 4.2], ALPHA = [0.22, 0.38, 0.55, 0.75];

  // adjacency: edge ids per node
  var adj = new Array(N.length);
  for (i = 0; i < N.length; i++) adj[i] = [];
  for (j = 0; j < E.length; j++) {
    adj[E[j].from].push(j);
    if (E[j].to !== E[j].from) adj[E[j].to].push(j);
  }
  var order = D.order;
  var lowerNames = N.map(function (n) { return String(n.n).toLowerCase(); });
  var members = C.map(function () { return []; });
  for (i = 0; i < N.length; i++) members[N[i].c].push(i);

  // --- colours: by cluster, by type, or by time (VOSviewer's overlay) ----------------
  var colorBy = D.colorBy || "type";
  var VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"];
  function timeColor(m) {
    if (!D.period || D.period[1] === D.period[0]) return VIRIDIS[5];
    var r = (m - D.period[0]) / (D.period[1] - D.period[0]);
    return VIRIDIS[Math.max(0, Math.min(VIRIDIS.length - 1, Math.round(r * (VIRIDIS.length - 1))))];
  }
  function nodeColor(i) {
    var n = N[i];
    if (colorBy === "cluster") return C[n.c].color;
    if (colorBy === "time") return n.a === undefined ? "#d1d1d6" : timeColor(n.a);
    return T[n.t].color;
  }
  // --- shapes (legend swatches and the highlight overlay) ------------------------------
  function shapePath(ctx, shape, x, y, r) {
    ctx.beginPath();
    var k, a, rad;
    if (shape === "square") { ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }
    if (shape === "diamond") { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); return; }
    if (shape === "triangle" || shape === "triangleDown") {
      var s = 2 * r, ir = Math.sqrt(3) / 6 * s, h = Math.sqrt(s * s - r * r), d = shape === "triangle" ? 1 : -1;
      ctx.moveTo(x, y - d * (h - ir)); ctx.lineTo(x + r, y + d * ir); ctx.lineTo(x - r, y + d * ir); ctx.closePath(); return;
    }
    if (shape === "star") {
      var rr = r * 0.82, yy = y + 0.1 * rr;
      for (k = 0; k < 10; k++) {
        rad = k % 2 === 0 ? rr * 1.3 : rr * 0.5; a = k * 2 * Math.PI / 10;
        if (k === 0) ctx.moveTo(x + rad * Math.sin(a), yy - rad * Math.cos(a)); else ctx.lineTo(x + rad * Math.sin(a), yy - rad * Math.cos(a));
      }
      ctx.closePath(); return;
    }
    if (shape === "hexagon") {
      for (k = 0; k < 6; k++) { a = Math.PI / 3 * k; if (k === 0) ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a)); else ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a)); }
      ctx.closePath(); return;
    }
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  function swatch(type, px) {
    var c = el("canvas"), ratio = window.devicePixelRatio || 1;
    px = px || 16;
    c.width = px * ratio; c.height = px * ratio; c.style.width = px + "px"; c.style.height = px + "px";
    var ctx = c.getContext("2d");
    ctx.scale(ratio, ratio);
    shapePath(ctx, type.shape, px / 2, px / 2, px * 0.36);
    ctx.fillStyle = type.color; ctx.fill();
    return c;
  }
  function lineSwatch(color) {
    var c = el("canvas"), ratio = window.devicePixelRatio || 1;
    c.width = 22 * ratio; c.height = 12 * ratio; c.style.width = "22px"; c.style.height = "12px";
    var ctx = c.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.strokeStyle = color; ctx.lineWidth = 3; ctx.lineCap = "round";
    ctx.beginPath(); ctx.moveTo(2, 6); ctx.lineTo(20, 6); ctx.stroke();
    return c;
  }

  // --- scenes: the cluster map, all nodes, or one cluster's nodes ------------------------
  var customEdges = !!D.big;
  var overview = !!D.overview;
  var scene = overview ? "map" : "all";
  var inScene = null;               // Uint8Array over N when one cluster is open
  var mapClusters = [];             // clusters drawn on the cluster map (2+ members)
  for (i = 0; i < C.length; i++) if (C[i].size > 1 || C.length <= 500) mapClusters.push(i);
  var focusCluster = null;          // a cluster picked in the legend (maps without overview)
  var hiddenType = {}, hiddenEType = {}, minWeight = 0;
  var period = D.period ? [D.period[0], D.period[1]] : null;
  var selected = null, hovered = null, hoveredEdge = null, fitScale = null, ready = false, moving = false;
  var legend = document.getElementById("kg-legend");

  function rgba(hex, a) { var c = hexRgb(hex); return "rgba(" + c[0] + "," + c[1] + "," + c[2] + "," + a + ")"; }
  function visNode(i) {
    var n = N[i], c = nodeColor(i);
    return { id: i, x: n.x, y: n.y, size: n.size, group: T[n.t].label,
             color: { background: c, border: D.big ? c : "#ffffff", highlight: { background: c, border: "#222" },
                      hover: { background: c, border: "#222" } } };
  }
  function visCluster(k) {
    var c = C[k];
    return { id: "c" + k, x: c.x, y: c.y, size: c.r, shape: "dot",
             color: { background: rgba(c.color, 0.55), border: c.color, highlight: { background: rgba(c.color, 0.8), border: "#222" },
                      hover: { background: rgba(c.color, 0.7), border: "#222" } }, borderWidth: 2 };
  }
  // a link's colour: its cluster's when both ends share one (as VOSviewer colours
  // links), its time's in the time overlay, else its type's (grey for the weighted
  // views' one type)
  function edgeColor(e) {
    if (colorBy === "cluster" && N[e.from].c === N[e.to].c && C[N[e.from].c].size > 1) return C[N[e.from].c].color;
    if (colorBy === "time" && e.f !== undefined) return timeColor((e.f + e.l) / 2);
    return ET[e.t].color;
  }
  function visEdge(e) {
    var cls = wclass(e), col = edgeColor(e);
    var o = { id: e.id, from: e.from, to: e.to, width: WIDTH[cls] * 1.2, color: { color: rgba(col, ALPHA[cls] + 0.15), inherit: false } };
    if (ET[e.t].undirected) o.arrows = { to: { enabled: false } };
    return o;
  }
  function sceneNodeIds() {
    if (scene === "map") return null;
    if (scene === "all") return N.map(function (n) { return n.id; });
    return members[scene];
  }
  var nodes = new vis.DataSet(scene === "map" ? mapClusters.map(visCluster) : N.map(function (n) { return visNode(n.id); }));
  var edges = new vis.DataSet(customEdges ? [] : E.map(visEdge));
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  timings.network = performance.now();

  function setScene(s) {
    scene = s;
    select(null);
    hovered = null; hoveredEdge = null; hideTip();
    inScene = null;
    nodes.clear();
    if (s === "map") {
      nodes.add(mapClusters.map(visCluster));
    } else {
      var ids = sceneNodeIds();
      if (typeof s === "number") { inScene = new Uint8Array(N.length); ids.forEach(function (i) { inScene[i] = 1; }); }
      nodes.add(ids.map(visNode));
    }
    bucketEdges();
    updateControls();
    fitScene();
    applyFilter();
  }
  function recolor() {
    renderLegendColors();
    if (scene === "map") return;
    var ids = sceneNodeIds(), up = [];
    for (var a = 0; a < ids.length; a++) { var v = visNode(ids[a]); up.push({ id: v.id, color: v.color }); }
    nodes.update(up);
    if (customEdges) bucketEdges();
    else edges.update(E.map(function (e) { var v = visEdge(e); return { id: v.id, color: v.color }; }));
  }

  // fit a set of discs into the part of the canvas the legend does not cover
  function fitPoints(list) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach(function (p) {
      x0 = Math.min(x0, p[0] - p[2]); x1 = Math.max(x1, p[0] + p[2]); y0 = Math.min(y0, p[1] - p[2]); y1 = Math.max(y1, p[1] + p[2] + 18);
    });
    if (x0 === Infinity) return;
    var W = container.clientWidth, H = container.clientHeight, pad = 24;
    var lw = W >= 700 ? legend.offsetWidth + 24 : 0;
    var s = Math.min((W - lw - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 2.2);
    network.moveTo({ position: { x: (x0 + x1) / 2 - lw / 2 / s, y: (y0 + y1) / 2 }, scale: s, animation: false });
    fitScale = s;
  }
  function fitScene() {
    var bn = network.body.nodes;
    if (scene === "map") { fitPoints(mapClusters.map(function (k) { return [C[k].x, C[k].y, C[k].r]; })); return; }
    var ids = focusCluster !== null ? members[focusCluster] : sceneNodeIds(), pts = [];
    for (var a = 0; a < ids.length; a++) { var b = bn[ids[a]]; if (b && !isHidden(ids[a])) pts.push([b.x, b.y, N[ids[a]].size]); }
    fitPoints(pts);
  }

  function inPeriod(x) { return !period || x.f === undefined || (x.f <= period[1] && x.l >= period[0]); }
  function isHidden(i) { return !!hiddenType[N[i].t] || !inPeriod(N[i]) || (inScene !== null && !inScene[i]); }
  function edgeHidden(e) {
    return !!hiddenEType[e.t] || (e.w !== undefined && e.w < minWeight) || !inPeriod(e) || isHidden(e.from) || isHidden(e.to);
  }
  function nodePos(i) { var b = network.body.nodes[i]; return b ? { x: b.x, y: b.y } : { x: N[i].x, y: N[i].y }; }

  // --- kg's edge layer (big maps and the cluster map) ----------------------------------
  // the scene's links by colour and weight class, each class split into the links
  // drawn in full and the faint ones (longer than 4x the median, or between two
  // clusters), so the links between clusters do not paint a mesh over the clusters
  var buckets = [];  // [{color, lists: [class][0 short | 1 long] -> edges}]
  function bucketEdges() {
    buckets = [];
    if (!customEdges || scene === "map") return;
    var byColor = {}, list = [], lens = [];
    var bn = network.body.nodes;
    for (var k = 0; k < E.length; k++) {
      var e = E[k];
      if (inScene !== null && (!inScene[e.from] || !inScene[e.to])) continue;
      list.push(e);
      var a = bn[e.from] || N[e.from], b = bn[e.to] || N[e.to];
      lens.push(Math.hypot(a.x - b.x, a.y - b.y));
    }
    var sorted = lens.slice().sort(function (x, y) { return x - y; });
    var cutoff = 4 * (sorted[Math.floor(sorted.length / 2)] || 1);
    for (var q = 0; q < list.length; q++) {
      var col = edgeColor(list[q]);
      var bk = byColor[col];
      if (!bk) { bk = byColor[col] = { color: col, lists: [[[], []], [[], []], [[], []], [[], []]] }; buckets.push(bk); }
      // faint: long links, and links between two clusters while colouring by cluster
      var faint = lens[q] > cutoff || (colorBy === "cluster" && N[list[q].from].c !== N[list[q].to].c);
      bk.lists[wclass(list[q])][faint ? 1 : 0].push(list[q]);
    }
  }
  function transform() {
    var o = network.canvasToDOM({ x: 0, y: 0 });
    return { s: network.getScale(), ox: o.x, oy: o.y, w: container.clientWidth, h: container.clientHeight };
  }
  function drawClusterLinks(ctx, tf) {
    var L = D.clusterLinks || [], lmax = 1;
    L.forEach(function (l) { lmax = Math.max(lmax, l[2]); });
    ctx.save();
    L.forEach(function (l) {
      var a = C[l[0]], b = C[l[1]], r = Math.log(1 + l[2]) / Math.log(1 + lmax);
      ctx.globalAlpha = 0.15 + 0.5 * r;
      ctx.lineWidth = (0.8 + 7 * r) / tf.s;
      ctx.strokeStyle = "#8e8e93";
      ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
    });
    ctx.restore();
  }
  function drawEdges(ctx) {
    var tf = transform();
    if (scene === "map") { drawClusterLinks(ctx, tf); return; }
    var total = 0;
    buckets.forEach(function (bk) { bk.lists.forEach(function (l) { total += l[0].length + l[1].length; }); });
    // while panning or zooming draw a thinned-out sample so the motion stays fluid
    var step = moving && total > 20000 ? Math.ceil(total / 20000) : 1;
    var x0 = -tf.ox / tf.s, y0 = -tf.oy / tf.s, x1 = x0 + tf.w / tf.s, y1 = y0 + tf.h / tf.s;
    var bn = network.body.nodes, damp = total > 20000 ? 0.6 : 1;
    ctx.save();
    for (var pass = 1; pass >= 0; pass--) for (var cls = 0; cls < 4; cls++) {
      ctx.lineWidth = WIDTH[cls] / tf.s;
      ctx.globalAlpha = ALPHA[cls] * damp * (pass ? 0.25 : 1);
      for (var t = 0; t < buckets.length; t++) {
        var list = buckets[t].lists[cls][pass];
        if (!list.length) continue;
        ctx.strokeStyle = buckets[t].color;
        ctx.beginPath();
        for (var k = 0; k < list.length; k += step) {
          var e = list[k];
          if (edgeHidden(e)) continue;
          var a = bn[e.from], b = bn[e.to];
          if (!a || !b) continue;
          if ((a.x < x0 && b.x < x0) || (a.x > x1 && b.x > x1) || (a.y < y0 && b.y < y0) || (a.y > y1 && b.y > y1)) continue;
          ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y);
        }
        ctx.stroke();
      }
    }
    ctx.restore();
  }
  // the edge under the mouse (DOM pixels), within 4 px
  function edgeAt(mx, my) {
    if (scene === "map") return null;
    var tf = transform(), bn = network.body.nodes, best = null, bestD = 16;
    for (var k = 0; k < E.length; k++) {
      var e = E[k];
      if (edgeHidden(e)) continue;
      var a = bn[e.from], b = bn[e.to];
      if (!a || !b) continue;
      var ax = a.x * tf.s + tf.ox, ay = a.y * tf.s + tf.oy, bx = b.x * tf.s + tf.ox, by = b.y * tf.s + tf.oy;
      if ((mx < ax - 4 && mx < bx - 4) || (mx > ax + 4 && mx > bx + 4) || (my < ay - 4 && my < by - 4) || (my > ay + 4 && my > by + 4)) continue;
      var dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
      var u = len ? Math.max(0, Math.min(1, ((mx - ax) * dx + (my - ay) * dy) / len)) : 0;
      var px = ax + u * dx - mx, py = ay + u * dy - my, d = px * px + py * py;
      if (d < bestD) { bestD = d; best = k; }
    }
    return best;
  }
  network.on("beforeDrawing", function (ctx) { if (customEdges || scene === "map") drawEdges(ctx); });
  var settle = null;
  function startMoving() { moving = true; clearTimeout(settle); }
  function stopMoving() { clearTimeout(settle); settle = setTimeout(function () { moving = false; network.redraw(); }, 150); }
  network.on("dragStart", startMoving);
  network.on("dragEnd", stopMoving);
  network.on("zoom", function () { startMoving(); stopMoving(); });

  // --- labels: placed by priority, moved aside when the first place is taken -----------
  function Boxes() { this.cells = {}; }
  Boxes.prototype.keys = function (b) {
    var out = [], x0 = Math.floor(b.x / 64), x1 = Math.floor((b.x + b.w) / 64), y0 = Math.floor(b.y / 16), y1 = Math.floor((b.y + b.h) / 16);
    for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) out.push(x + "," + y);
    return out;
  };
  Boxes.prototype.free = function (b) {
    var ks = this.keys(b);
    for (var a = 0; a < ks.length; a++) {
      var list = this.cells[ks[a]];
      if (!list) continue;
      for (var c = 0; c < list.length; c++) {
        var o = list[c];
        if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
      }
    }
    return true;
  };
  Boxes.prototype.add = function (b) {
    var ks = this.keys(b);
    for (var a = 0; a < ks.length; a++) (this.cells[ks[a]] = this.cells[ks[a]] || []).push(b);
  };
  var placedLabels = [];
  // a label at screen point (x, y) beside a disc of screen radius r: below, above,
  // right, left, in that order; false when every place is taken (and not forced)
  function placeLabel(ctx, boxes, text, x, y, r, force, font) {
    ctx.font = font;
    var w = ctx.measureText(text).width + 6, h = 15;
    var spots = [[x - w / 2, y + r + 2], [x - w / 2, y - r - 2 - h], [x + r + 3, y - h / 2], [x - r - 3 - w, y - h / 2]];
    for (var s = 0; s < spots.length; s++) {
      var box = { x: spots[s][0], y: spots[s][1], w: w, h: h };
      if (!force && !boxes.free(box)) continue;
      boxes.add(box);
      ctx.strokeText(text, box.x + w / 2, box.y + 1);
      ctx.fillText(text, box.x + w / 2, box.y + 1);
      placedLabels.push({ text: text, x: box.x + w / 2, y: box.y + 1, font: font });
      return true;
    }
    return false;
  }
  function drawLabel(ctx, boxes, i, tf, force, bold) {
    var p = nodePos(i);
    var x = p.x * tf.s + tf.ox, y = p.y * tf.s + tf.oy;
    if (x < -200 || y < -40 || x > tf.w + 200 || y > tf.h + 40) return false;
    return placeLabel(ctx, boxes, cut(N[i].n, LABEL_CHARS), x, y, N[i].size * tf.s, force, bold ? LABEL_FONT_BOLD : LABEL_FONT);
  }
  function clusterLabel(k) { return cut(C[k].name, 44) + " (" + C[k].size.toLocaleString("en") + ")"; }

  function highlightSet() {
    if (selected !== null) {
      var set = {}; set[selected] = true;
      adj[selected].forEach(function (k) { var e = E[k]; if (!edgeHidden(e)) { set[e.from] = true; set[e.to] = true; } });
      return set;
    }
    if (focusCluster !== null) {
      var cs = {};
      members[focusCluster].forEach(function (m) { if (!isHidden(m)) cs[m] = true; });
      return cs;
    }
    return null;
  }

  function drawOverlay(ctx) {
    var tf = transform(), ratio = window.devicePixelRatio || 1;
    placedLabels = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.fillStyle = "#1d1d1f";
    var boxes = new Boxes();
    if (scene === "map") {
      // cluster names, biggest clusters first
      var byHover = hovered !== null && typeof hovered === "string" ? +hovered.slice(1) : null;
      if (byHover !== null) placeLabel(ctx, boxes, clusterLabel(byHover), C[byHover].x * tf.s + tf.ox, C[byHover].y * tf.s + tf.oy, C[byHover].r * tf.s, true, CLUSTER_FONT);
      for (var q = 0; q < mapClusters.length && q < CLUSTER_LABELS; q++) {
        var k = mapClusters[q];
        if (k === byHover) continue;
        placeLabel(ctx, boxes, clusterLabel(k), C[k].x * tf.s + tf.ox, C[k].y * tf.s + tf.oy, C[k].r * tf.s, false, q < 12 ? CLUSTER_FONT : LABEL_FONT);
      }
      ctx.restore();
      return;
    }
    ctx.restore();
    var hood = highlightSet();
    if (hood) {
      // dim everything, then redraw the highlighted links and nodes on top
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.fillStyle = "rgba(255,255,255,0.8)";
      ctx.fillRect(0, 0, tf.w, tf.h);
      ctx.restore();
      ctx.save();
      var links = selected !== null ? adj[selected] : [];
      if (selected === null && focusCluster !== null && members[focusCluster].length < 5000) {
        members[focusCluster].forEach(function (m) { adj[m].forEach(function (k) { if (hood[E[k].from] && hood[E[k].to] && E[k].from === m) links.push(k); }); });
      }
      links.forEach(function (k) {
        var e = E[k];
        if (edgeHidden(e)) return;
        var a = nodePos(e.from), b = nodePos(e.to);
        ctx.lineWidth = (WIDTH[wclass(e)] + 0.8) / tf.s;
        ctx.strokeStyle = edgeColor(e);
        ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      });
      Object.keys(hood).forEach(function (key) {
        var m = +key, p = nodePos(m), t = T[N[m].t];
        shapePath(ctx, t.shape, p.x, p.y, N[m].size);
        ctx.fillStyle = nodeColor(m); ctx.fill();
        ctx.lineWidth = (m === selected ? 3 : 1.5) / tf.s; ctx.strokeStyle = m === selected ? "#111" : "#fff"; ctx.stroke();
      });
      ctx.restore();
    }
    if (hoveredEdge !== null) {
      var he = E[hoveredEdge], ha = nodePos(he.from), hb = nodePos(he.to);
      ctx.save();
      ctx.lineWidth = (WIDTH[wclass(he)] + 2) / tf.s; ctx.strokeStyle = ET[he.t].color;
      ctx.beginPath(); ctx.moveTo(ha.x, ha.y); ctx.lineTo(hb.x, hb.y); ctx.stroke();
      ctx.restore();
    }
    var hasFocus = D.focus !== null && D.focus !== undefined && !isHidden(D.focus);
    if (hasFocus) {
      var fp = nodePos(D.focus);
      ctx.save();
      ctx.setLineDash([5 / tf.s, 4 / tf.s]);
      ctx.lineWidth = 2 / tf.s; ctx.strokeStyle = "#1d1d1f";
      ctx.beginPath(); ctx.arc(fp.x, fp.y, N[D.focus].size + 7 / tf.s, 0, 2 * Math.PI); ctx.stroke();
      ctx.restore();
    }
    // labels in screen pixels, so they stay readable at any zoom
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.fillStyle = "#1d1d1f";
    var placed = 0, hov = typeof hovered === "number" ? hovered : null;
    if (hov !== null && !isHidden(hov)) { drawLabel(ctx, boxes, hov, tf, true, true); placed++; }
    if (hasFocus && D.focus !== hov) { drawLabel(ctx, boxes, D.focus, tf, true, true); placed++; }
    if (hood) {
      if (selected !== null && hov !== selected) drawLabel(ctx, boxes, selected, tf, true, true);
      for (var a = 0; a < order.length && placed < LABEL_BUDGET * 2; a++) {
        var h = order[a];
        if (hood[h] && h !== selected && h !== hov && h !== D.focus && drawLabel(ctx, boxes, h, tf, false, placed < 12)) placed++;
      }
    } else {
      // in one cluster of a big map, or zoomed in, every node may be named; otherwise hubs
      var reveal = inScene !== null || (fitScale !== null && tf.s >= fitScale * 2.2);
      for (var b = 0; b < order.length && placed < LABEL_BUDGET; b++) {
        var m = order[b];
        if (!N[m].h && !reveal) break; // hubs come first in `order`
        if (m === hov || m === D.focus || isHidden(m)) continue;
        if (drawLabel(ctx, boxes, m, tf, false, (!!N[m].h || inScene !== null) && placed < 12)) placed++;
      }
    }
    ctx.restore();
  }

  network.on("afterDrawing", function (ctx) {
    drawOverlay(ctx);
    if (!ready) {
      ready = true;
      if (fitScale === null) fitScale = network.getScale();
      window.kgReady = timings.drawn = performance.now();
      window.kgTimings = timings;
      document.documentElement.setAttribute("data-kg-ready", String(Math.round(window.kgReady)));
    }
  });

  // --- tooltips and the details panel ---------------------------------------------------
  function paperCount(n) {
    return T[n.t].label === "Paper" ? plural(n.d, "link") : plural(n.w, "paper") + " · " + plural(n.d, "link");
  }
  function row(list, role, name, src, url) {
    var li = el("li");
    if (role) { li.appendChild(el("span", "kg-role", role + ": ")); }
    var nm = url ? link(url, name) : el("span", null, name);
    nm.classList.add("kg-name");
    li.appendChild(nm);
    if (src) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", "kg-src", src)); }
    list.appendChild(li);
  }
  function section(box, title, items, max, render) {
    if (!items.length) return;
    box.appendChild(el("h3", null, title + " (" + items.length + ")"));
    var ul = el("ul");
    items.slice(0, max).forEach(function (it) { render(ul, it); });
    if (items.length > max) ul.appendChild(el("li", "kg-more", "… and " + (items.length - max) + " more"));
    box.appendChild(ul);
  }
  function weightText(e) {
    if (e.w === undefined) return "";
    var s = D.weights === "association" ? "strength " + (+e.w).toFixed(2) : "weight " + e.w;
    if (e.c !== undefined) s += " · " + plural(e.c, "shared paper");
    return s;
  }
  function edgeRole(e, at) {
    var t = ET[e.t], outgoing = e.from === at;
    var word = outgoing ? t.out : t["in"];
    if (e.p && !outgoing) word += " #" + e.p;
    if (e.pp) word += " (" + plural(e.pp.length, "paper") + ")";
    return word;
  }
  function nodeCard(i, max) {
    var n = N[i], t = T[n.t], box = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    head.appendChild(swatch({ shape: t.shape, color: nodeColor(i) }, 14));
    head.appendChild(el("span", "kg-name", n.n));
    box.appendChild(head);
    var sub = t.label + " · " + paperCount(n) + " · cluster " + (n.c + 1);
    if (n.f !== undefined) sub += " · " + (n.f === n.l ? monthText(n.f) : monthText(n.f) + " to " + monthText(n.l));
    box.appendChild(el("div", "kg-card-sub", sub));
    if ((n.i && n.i.length) || n.u) {
      var dl = el("dl");
      (n.i || []).forEach(function (kv) { dl.appendChild(el("dt", null, kv[0])); dl.appendChild(el("dd", null, kv[1])); });
      (n.u || []).forEach(function (kv) { dl.appendChild(el("dt", null, kv[0])); var dd = el("dd"); dd.appendChild(link(kv[1], kv[1])); dl.appendChild(dd); });
      box.appendChild(dl);
    }
    if (n.pp) {
      section(box, "Papers", n.pp, max, function (ul, r) { var p = P[r[0]]; row(ul, r[1], p[0], p[1], p[2]); });
    }
    var links = adj[i].filter(function (k) { return !edgeHidden(E[k]); }).map(function (k) { return E[k]; });
    links.sort(function (a, b) { return a.t - b.t || (b.w || 0) - (a.w || 0) || (a.p || 0) - (b.p || 0) || (a.from === i ? a.to : a.from) - (b.from === i ? b.to : b.from); });
    section(box, "Links", links, max, function (ul, e) {
      var other = e.from === i ? e.to : e.from;
      row(ul, edgeRole(e, i) + (e.w !== undefined ? " · " + weightText(e) : ""), N[other].n, e.s ? e.s[0] : "");
    });
    return box;
  }
  function edgeCard(k, max) {
    var e = E[k], t = ET[e.t], box = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    head.appendChild(lineSwatch(t.color));
    head.appendChild(el("span", "kg-name", N[e.from].n));
    head.appendChild(el("span", null, t.undirected ? " \u2014 " : " \u2192 "));
    head.appendChild(el("span", "kg-name", N[e.to].n));
    box.appendChild(head);
    box.appendChild(el("div", "kg-card-sub", t.type + " · " + t.label + (e.p ? " · author #" + e.p : "") + (e.w !== undefined ? " · " + weightText(e) : "")));
    if (e.e) box.appendChild(el("div", "kg-ev", "\u201c" + e.e + "\u201d"));
    if (e.pp) section(box, "Papers", e.pp, max, function (ul, q) { row(ul, null, P[q][0], P[q][1], P[q][2]); });
    if (e.s) {
      var srcs = e.s.slice();
      if (e.m) srcs.push("… and " + e.m + " more");
      section(box, "Seen at", srcs, max, function (ul, s) { ul.appendChild(el("li", "kg-src", s)); });
    }
    return box;
  }
  function clusterCard(k, max) {
    var c = C[k], box = el("div", "kg-card"), head = el("div", "kg-card-head");
    head.appendChild(swatch({ shape: "dot", color: c.color }, 14));
    head.appendChild(el("span", "kg-name", "Cluster " + (k + 1)));
    box.appendChild(head);
    box.appendChild(el("div", "kg-card-sub", plural(c.size, "node") + " · click to open"));
    var top = members[k].slice().sort(function (a, b) { return N[b].s - N[a].s || a - b; });
    section(box, "Members", top, max, function (ul, m) { row(ul, T[N[m].t].label, N[m].n, plural(N[m].w, "paper")); });
    return box;
  }

  var mouse = { x: 0, y: 0 }, probe = 0;
  container.addEventListener("mousemove", function (ev) {
    var r = container.getBoundingClientRect();
    mouse.x = ev.clientX - r.left; mouse.y = ev.clientY - r.top;
    if (!tip.hidden) placeTip();
    if (customEdges && scene !== "map" && !probe && ev.buttons === 0) probe = requestAnimationFrame(probeEdge);
  });
  container.addEventListener("mouseleave", function () { if (hoveredEdge !== null) { hoveredEdge = null; hideTip(); network.redraw(); } });
  function probeEdge() {
    probe = 0;
    var k = hovered === null ? edgeAt(mouse.x, mouse.y) : null;
    if (k === hoveredEdge) return;
    hoveredEdge = k;
    if (k === null) { if (hovered === null) hideTip(); } else showTip(edgeCard(k, TIP_ROWS));
    network.redraw();
  }
  function placeTip() {
    var w = tip.offsetWidth, h = tip.offsetHeight, W = container.clientWidth, H = container.clientHeight;
    var x = mouse.x + 16, y = mouse.y + 16;
    if (x + w > W - 8) x = Math.max(8, mouse.x - w - 16);
    if (y + h > H - 8) y = Math.max(8, H - h - 8);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function showTip(card) { tip.textContent = ""; tip.appendChild(card); tip.hidden = false; placeTip(); }
  function hideTip() { tip.hidden = true; tip.textContent = ""; }
  function card(id, max) { return typeof id === "string" ? clusterCard(+id.slice(1), max) : nodeCard(id, max); }

  network.on("hoverNode", function (p) { hovered = p.node; hoveredEdge = null; showTip(card(p.node, TIP_ROWS)); network.redraw(); });
  network.on("blurNode", function () { hovered = null; hideTip(); network.redraw(); });
  network.on("hoverEdge", function (p) { if (hovered === null) showTip(edgeCard(p.edge, TIP_ROWS)); });
  network.on("blurEdge", function () { if (hovered === null) hideTip(); });
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  function showDetails(c) { detailsBody.textContent = ""; detailsBody.appendChild(c); details.hidden = false; }
  function closeDetails() { details.hidden = true; detailsBody.textContent = ""; }
  document.getElementById("kg-details-close").addEventListener("click", function () { select(null); });

  function select(i) {
    selected = i;
    if (i === null) { network.unselectAll(); closeDetails(); }
    else { network.selectNodes([i], false); showDetails(nodeCard(i, PANEL_ROWS)); }
    network.redraw();
  }
  function openCluster(k) {
    if (overview) { focusCluster = null; setScene(k); }
    else { focusCluster = focusCluster === k ? null : k; select(null); fitScene(); network.redraw(); }
    renderLegendColors();
  }
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length && typeof p.nodes[0] === "string") { openCluster(+p.nodes[0].slice(1)); return; }
    var edge = p.edges.length ? p.edges[0] : (customEdges ? edgeAt(p.pointer.DOM.x, p.pointer.DOM.y) : null);
    if (p.nodes.length) select(p.nodes[0]);
    else if (edge !== null && edge !== undefined) { select(null); showDetails(edgeCard(edge, PANEL_ROWS)); }
    else select(null);
  });

  // --- search ---------------------------------------------------------------------------
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  var hits = [], active = -1;
  function search(q) {
    q = String(q).trim().toLowerCase();
    if (!q) return [];
    var found = [];
    for (var a = 0; a < N.length; a++) {
      var at = lowerNames[a].indexOf(q);
      if (at < 0) continue;
      var rank = at === 0 ? 0 : (/[\s\-_(\/\u2068]/.test(lowerNames[a].charAt(at - 1)) ? 1 : 2);
      found.push([rank, -N[a].s, a]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return found.slice(0, 12).map(function (f) { return f[2]; });
  }
  function renderResults() {
    results.textContent = "";
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!hits.length) { results.appendChild(el("li", "kg-empty", "No node matches")); }
    hits.forEach(function (m, k) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.appendChild(swatch({ shape: T[N[m].t].shape, color: nodeColor(m) }, 12));
      li.appendChild(el("span", "kg-res-name kg-name", N[m].n));
      li.appendChild(el("span", "kg-res-type", T[N[m].t].label));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(m); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(m) {
    if (hiddenType[N[m].t]) setTypeHidden(N[m].t, false);
    if (scene === "map" || (inScene !== null && !inScene[m])) setScene(N[m].c);
    results.hidden = true;
    input.value = N[m].n;
    select(m);
    var target = Math.max(network.getScale(), (fitScale || 1) * 3, 0.8);
    network.focus(m, { scale: target, animation: { duration: 450, easingFunction: "easeInOutQuad" } });
  }
  input.addEventListener("input", function () { hits = search(input.value); active = hits.length ? 0 : -1; renderResults(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      renderResults(); ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (hits.length) choose(hits[Math.max(active, 0)]);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      results.hidden = true; input.blur();
    }
  });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("focus", function () { if (hits.length) renderResults(); });

  // --- legend, filters and controls -----------------------------------------------------
  function applyFilter() {
    if (scene !== "map") {
      var nu = [], eu = [], ids = sceneNodeIds();
      for (var a = 0; a < ids.length; a++) {
        var m = ids[a], h = isHidden(m);
        if (!!N[m].hidden !== h) { N[m].hidden = h; nu.push({ id: m, hidden: h }); }
      }
      for (var k = 0; k < E.length && !customEdges; k++) {
        var eh = edgeHidden(E[k]);
        if (!!E[k].hidden !== eh) { E[k].hidden = eh; eu.push({ id: k, hidden: eh }); }
      }
      if (nu.length) nodes.update(nu);
      if (eu.length) edges.update(eu);
    }
    if (selected !== null && isHidden(selected)) select(null); else network.redraw();
    updateCount();
  }
  function updateCount() {
    var nn = 0, ne = 0;
    if (scene === "map") { nn = mapClusters.length; ne = (D.clusterLinks || []).length; }
    else {
      var ids = sceneNodeIds();
      for (var a = 0; a < ids.length; a++) if (!isHidden(ids[a])) nn++;
      for (var k = 0; k < E.length; k++) if (!edgeHidden(E[k])) ne++;
    }
    document.getElementById("kg-count").textContent = scene === "map"
      ? plural(nn, "cluster") + " of " + N.length.toLocaleString("en") + " nodes · click one to open it"
      : nn.toLocaleString("en") + " nodes · " + ne.toLocaleString("en") + " links";
  }
  var typeItems = [], etypeItems = [], clusterItems = [];
  function setTypeHidden(ti, hide) {
    hiddenType[ti] = hide;
    typeItems[ti].classList.toggle("kg-off", hide);
    typeItems[ti].setAttribute("aria-checked", hide ? "false" : "true");
    applyFilter();
  }
  function setETypeHidden(ti, hide) {
    hiddenEType[ti] = hide;
    etypeItems[ti].classList.toggle("kg-off", hide);
    etypeItems[ti].setAttribute("aria-checked", hide ? "false" : "true");
    applyFilter();
  }
  function legendItem(list, sw, name, count, onToggle, role) {
    var li = el("li");
    li.setAttribute("role", role || "switch"); if (!role) li.setAttribute("aria-checked", "true"); li.tabIndex = 0;
    li.appendChild(sw);
    li.appendChild(el("span", "kg-leg-name kg-name", name));
    li.appendChild(el("span", "kg-leg-count", count.toLocaleString("en")));
    li.addEventListener("click", onToggle);
    li.addEventListener("keydown", function (ev) { if (ev.key === " " || ev.key === "Enter") { ev.preventDefault(); onToggle(); } });
    list.appendChild(li);
    return li;
  }
  var nodeList = document.getElementById("kg-node-types"), edgeList = document.getElementById("kg-edge-types");
  var clusterList = document.getElementById("kg-clusters");
  function renderLegendColors() {
    typeItems.forEach(function (li, ti) {
      li.replaceChild(swatch({ shape: T[ti].shape, color: colorBy === "type" ? T[ti].color : "#8e8e93" }, 16), li.firstChild);
    });
    clusterItems.forEach(function (li) {
      li.classList.toggle("kg-current", +li.dataset.k === focusCluster || +li.dataset.k === scene);
    });
    document.getElementById("kg-time-legend").hidden = colorBy !== "time";
  }
  T.forEach(function (t, ti) {
    typeItems.push(legendItem(nodeList, swatch(t, 16), t.label, t.count, function () { setTypeHidden(ti, !hiddenType[ti]); }));
  });
  ET.forEach(function (t, ti) {
    etypeItems.push(legendItem(edgeList, lineSwatch(t.color), t.label, t.count, function () { setETypeHidden(ti, !hiddenEType[ti]); }));
  });
  if (!ET.length) edgeList.previousElementSibling.hidden = true;
  var shown = mapClusters.filter(function (k) { return C[k].size > 1; }).slice(0, LEGEND_CLUSTERS);
  shown.forEach(function (k) {
    var li = legendItem(clusterList, swatch({ shape: "dot", color: C[k].color }, 14), cut(C[k].name, 60), C[k].size,
                        function () { openCluster(k); }, "button");
    li.dataset.k = String(k);
    li.title = "";
    clusterItems.push(li);
  });
  var moreClusters = C.filter(function (c) { return c.size > 1; }).length - shown.length, loners = C.filter(function (c) { return c.size === 1; }).length;
  if (moreClusters > 0 || loners > 0) {
    clusterList.appendChild(el("li", "kg-more", (moreClusters > 0 ? "… and " + moreClusters.toLocaleString("en") + " more clusters" : "") +
      (moreClusters > 0 && loners > 0 ? "; " : "") + (loners > 0 ? plural(loners, "node") + " without a cluster (grey)" : "")));
  }
  if (!shown.length) clusterList.previousElementSibling.hidden = true;

  // colour by
  var colorSel = document.getElementById("kg-color-by");
  if (!D.period) colorSel.querySelector('option[value="time"]').disabled = true;
  colorSel.value = colorBy;
  colorSel.addEventListener("change", function () { colorBy = colorSel.value; recolor(); network.redraw(); });
  // time legend: the overlay's scale from the first to the last month
  (function () {
    var box = document.getElementById("kg-time-legend");
    if (!D.period) return;
    var bar = el("div", "kg-ramp");
    VIRIDIS.forEach(function (c) { var s = el("span"); s.style.background = c; bar.appendChild(s); });
    box.appendChild(bar);
    var ends = el("div", "kg-ramp-ends");
    ends.appendChild(el("span", null, D.periodText[0])); ends.appendChild(el("span", null, "mean date of papers")); ends.appendChild(el("span", null, D.periodText[1]));
    box.appendChild(ends);
  })();
  // period slider: nodes and links with papers in [from, to] (undated ones always show)
  var fromIn = document.getElementById("kg-from"), toIn = document.getElementById("kg-to"), periodOut = document.getElementById("kg-period-text");
  function setPeriod(lo, hi) {
    if (!D.period) return;
    lo = Math.max(D.period[0], Math.min(lo, D.period[1])); hi = Math.max(lo, Math.min(hi, D.period[1]));
    period = [lo, hi];
    fromIn.value = String(lo); toIn.value = String(hi);
    periodOut.textContent = monthText(lo) + " to " + monthText(hi);
    applyFilter();
  }
  if (D.period) {
    document.getElementById("kg-period").hidden = false;
    [fromIn, toIn].forEach(function (inp) { inp.min = String(D.period[0]); inp.max = String(D.period[1]); inp.step = "1"; });
    fromIn.value = String(D.period[0]); toIn.value = String(D.period[1]);
    periodOut.textContent = D.periodText[0] + " to " + D.periodText[1];
    fromIn.addEventListener("input", function () { setPeriod(+fromIn.value, Math.max(+fromIn.value, +toIn.value)); });
    toIn.addEventListener("input", function () { setPeriod(Math.min(+fromIn.value, +toIn.value), +toIn.value); });
  }
  // minimum link weight
  var minW = document.getElementById("kg-min-weight"), minWOut = document.getElementById("kg-min-weight-text");
  var hasWeights = E.some(function (e) { return e.w !== undefined && e.w !== 1; });
  document.getElementById("kg-min-weight-box").hidden = !hasWeights;
  minW.min = "0"; minW.max = String(WMAX); minW.step = D.weights === "association" ? String(WMAX / 100) : "1"; minW.value = "0";
  minWOut.textContent = "0";
  function setMinWeight(w) { minWeight = +w; minW.value = String(w); minWOut.textContent = String(Math.round(minWeight * 100) / 100); applyFilter(); }
  minW.addEventListener("input", function () { setMinWeight(+minW.value); });
  // back to the cluster map
  var back = document.getElementById("kg-back");
  // every node at once, where that is still fluid (above this many, cluster by cluster)
  var allBtn = document.getElementById("kg-all"), ALL_NODES_MAX = 50000;
  function updateControls() {
    back.hidden = !overview || scene === "map";
    allBtn.hidden = !overview || scene === "all" || N.length > ALL_NODES_MAX;
  }
  back.addEventListener("click", function () { setScene("map"); });
  allBtn.addEventListener("click", function () { setScene("all"); });

  // --- saving the view: PNG (the canvas as drawn) and SVG (the visible map) ------------
  function fileName(ext) { return (String(D.view || "map") + (typeof scene === "number" ? "-cluster-" + (scene + 1) : "")) + "." + ext; }
  function download(url, name) {
    var a = el("a"); a.href = url; a.download = name; a.rel = "noopener"; a.hidden = true;
    document.body.appendChild(a); a.click(); a.remove();
  }
  function pngURL() {
    var src = container.querySelector("canvas"), c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    return c.toDataURL("image/png");
  }
  // the SVG is built as a DOM tree and serialised, so names are escaped by the serialiser
  var SVG_NS = "http://www.w3.org/2000/svg";
  function svgEl(parent, tag, attrs, text) {
    var x = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (k) { x.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) x.textContent = text;
    parent.appendChild(x);
    return x;
  }
  function svgText() {
    var tf = transform(), W = tf.w, H = tf.h, bn = network.body.nodes;
    var root = document.createElementNS(SVG_NS, "svg");
    root.setAttribute("width", String(W)); root.setAttribute("height", String(H)); root.setAttribute("viewBox", "0 0 " + W + " " + H);
    svgEl(root, "rect", { width: "100%", height: "100%", fill: "#ffffff" });
    function sx(x) { return (x * tf.s + tf.ox).toFixed(1); }
    function sy(y) { return (y * tf.s + tf.oy).toFixed(1); }
    if (scene === "map") {
      (D.clusterLinks || []).forEach(function (l) {
        svgEl(root, "line", { x1: sx(C[l[0]].x), y1: sy(C[l[0]].y), x2: sx(C[l[1]].x), y2: sy(C[l[1]].y), stroke: "#8e8e93", "stroke-opacity": 0.4 });
      });
      mapClusters.forEach(function (k) {
        svgEl(root, "circle", { cx: sx(C[k].x), cy: sy(C[k].y), r: (C[k].r * tf.s).toFixed(1), fill: C[k].color, "fill-opacity": 0.55, stroke: C[k].color });
      });
    } else {
      var drawn = 0;
      for (var k = 0; k < E.length && drawn < 50000; k++) {
        var e = E[k];
        if (edgeHidden(e) || !bn[e.from] || !bn[e.to]) continue;
        var cls = wclass(e);
        svgEl(root, "line", { x1: sx(bn[e.from].x), y1: sy(bn[e.from].y), x2: sx(bn[e.to].x), y2: sy(bn[e.to].y),
                              stroke: edgeColor(e), "stroke-width": WIDTH[cls], "stroke-opacity": ALPHA[cls] });
        drawn++;
      }
      var ids = sceneNodeIds();
      for (var a = 0; a < ids.length; a++) {
        var m = ids[a];
        if (isHidden(m) || !bn[m]) continue;
        svgEl(root, "circle", { cx: sx(bn[m].x), cy: sy(bn[m].y), r: Math.max(N[m].size * tf.s, 0.5).toFixed(1), fill: nodeColor(m) });
      }
    }
    placedLabels.forEach(function (l) {
      svgEl(root, "text", { x: l.x.toFixed(1), y: (l.y + 11).toFixed(1), "text-anchor": "middle", "font-family": "sans-serif",
                            "font-size": 12, "paint-order": "stroke", stroke: "#ffffff", "stroke-width": 3.5, fill: "#1d1d1f" }, l.text);
    });
    return new XMLSerializer().serializeToString(root);
  }
  document.getElementById("kg-save-png").addEventListener("click", function () { download(pngURL(), fileName("png")); });
  document.getElementById("kg-save-svg").addEventListener("click", function () {
    download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText()), fileName("svg"));
  });

  document.getElementById("kg-size-note").textContent =
    "Size: number of papers. " + (D.weights === "association" ? "Link width and opacity: association strength." :
      D.weights ? "Link width and opacity: shared papers." : "Link colour: relationship type.") +
    (D.physics ? "" : " Layout precomputed; physics off for speed.");
  bucketEdges();
  updateControls();
  renderLegendColors();
  updateCount();
  if (!D.physics) fitScene();
  else network.once("stabilizationIterationsDone", fitScene);

  // --- hooks for tests and the benchmark ------------------------------------------------
  window.kg = {
    data: D, network: network, nodes: nodes, edges: edges,
    search: search, choose: choose, select: select, openCluster: openCluster, setScene: setScene,
    setPeriod: setPeriod, setMinWeight: setMinWeight, svg: svgText, png: pngURL,
    scene: function () { return scene; },
    focusCluster: function () { return focusCluster; },
    visible: function () { var ids = sceneNodeIds() || []; return ids.filter(function (m) { return !isHidden(m); }).length; },
    visibleEdges: function () { return E.filter(function (e) { return !edgeHidden(e) && (inScene === null || (inScene[e.from] && inScene[e.to])); }).length; },
    labels: function () { return placedLabels.map(function (l) { return l.text; }); },
    nodeColor: nodeColor,
    nodeText: function (m) { return nodeCard(m, PANEL_ROWS).textContent; },
    nodeCard: function (m) { return nodeCard(m, PANEL_ROWS); },
    edgeText: function (k) { return edgeCard(k, PANEL_ROWS).textContent; },
    setTypeHidden: setTypeHidden
  };
})();
