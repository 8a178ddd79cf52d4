/* kg interactive graph page (runs on vis-network, inlined beside this script).
 *
 * Safety: every name, title and evidence string reaches the DOM through textContent or
 * canvas fillText, never innerHTML, and vis-network never gets a `title` (it would
 * render an HTML element), so hostile names in digests show as text and run nothing.
 * Speed: positions come from Python; labels, neighbourhood highlighting and tooltips
 * are drawn here on demand instead of updating thousands of vis-network items.
 */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var N = D.nodes, E = D.edges, T = D.types, ET = D.etypes, P = D.papers || [];
  var container = document.getElementById("kg-graph");
  var tip = document.getElementById("kg-tooltip");
  var details = document.getElementById("kg-details");
  var detailsBody = document.getElementById("kg-details-body");
  var LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
  var LABEL_FONT_BOLD = "600 12.5px system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
  var LABEL_CHARS = 36, LABEL_BUDGET = 140, TIP_ROWS = 8, PANEL_ROWS = 250;

  // --- helpers -------------------------------------------------------------------------
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function cut(s, k) { s = String(s); return s.length <= k ? s : s.slice(0, k - 1) + "\u2026"; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

  // adjacency: edge ids per node (vis keeps its own, but this one survives filtering)
  var adj = new Array(N.length);
  for (var i = 0; i < N.length; i++) adj[i] = [];
  for (var j = 0; j < E.length; j++) {
    adj[E[j].from].push(j);
    if (E[j].to !== E[j].from) adj[E[j].to].push(j);
  }
  // the order in which labels claim space on screen (computed in Python: the view's
  // main types first, the heaviest of each type before anyone's second best)
  var order = D.order;
  var lowerNames = N.map(function (n) { return String(n.n).toLowerCase(); });

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

  // --- network ---------------------------------------------------------------------------
  // vis-network gets only what it draws; kg's fields stay in N and E. Big graphs give it
  // no edges at all: building 50,000 vis edge objects takes seconds, while drawing them
  // as one canvas path per type (drawEdges below) takes milliseconds.
  var customEdges = !!D.big;
  var nodes = new vis.DataSet(N.map(function (n) { return { id: n.id, x: n.x, y: n.y, size: n.size, group: n.group }; }));
  var edges = new vis.DataSet(customEdges ? [] : E.map(function (e) {
    var o = { id: e.id, from: e.from, to: e.to, color: e.color };
    if (e.width) o.width = e.width;
    if (e.arrows) o.arrows = e.arrows;
    return o;
  }));
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  timings.network = performance.now();

  var hiddenType = {}, hiddenEType = {};
  var selected = null, hovered = null, hoveredEdge = null, fitScale = null, ready = false, moving = false;
  var legend = document.getElementById("kg-legend");

  // fit the graph into the part of the canvas the legend does not cover (vis-network's
  // own fit() would centre it on the whole canvas, partly under the legend)
  function fitBesideLegend() {
    var bn = network.body.nodes, x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var i = 0; i < N.length; i++) {
      var b = bn[i];
      if (!b || isHidden(i)) continue;
      var r = N[i].size;
      x0 = Math.min(x0, b.x - r); x1 = Math.max(x1, b.x + r); y0 = Math.min(y0, b.y - r); y1 = Math.max(y1, b.y + r + 18);
    }
    if (x0 === Infinity) return;
    var W = container.clientWidth, H = container.clientHeight, pad = 24;
    var lw = W >= 700 ? legend.offsetWidth + 24 : 0;
    var s = Math.min((W - lw - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 1.5);
    var cx = (x0 + x1) / 2 - lw / 2 / s, cy = (y0 + y1) / 2;
    network.moveTo({ position: { x: cx, y: cy }, scale: s, animation: false });
    fitScale = s;
  }
  if (!D.physics) fitBesideLegend();
  else network.once("stabilizationIterationsDone", fitBesideLegend);

  function isHidden(i) { return !!hiddenType[N[i].t]; }
  function edgeHidden(e) { return !!hiddenEType[e.t] || isHidden(e.from) || isHidden(e.to); }
  function nodePos(i) { var b = network.body.nodes[i]; return b ? { x: b.x, y: b.y } : network.getPosition(i); }

  // --- kg's edge layer (big graphs) -----------------------------------------------------
  var edgesByType = ET.map(function () { return []; });
  E.forEach(function (e) { edgesByType[e.t].push(e); });
  // Long edges (between clusters) are drawn fainter than the short ones inside them:
  // at 50,000 edges the long ones would otherwise paint a uniform mesh over everything.
  var isLong = new Uint8Array(E.length);
  function classifyEdges() {
    var bn = network.body.nodes, len = new Float64Array(E.length);
    for (var j = 0; j < E.length; j++) {
      var a = bn[E[j].from], b = bn[E[j].to];
      len[j] = Math.hypot(a.x - b.x, a.y - b.y);
    }
    var sorted = Array.prototype.slice.call(len).sort(function (x, y) { return x - y; });
    var cutoff = 4 * (sorted[Math.floor(sorted.length / 2)] || 1);
    for (var k = 0; k < E.length; k++) isLong[k] = len[k] > cutoff ? 1 : 0;
  }
  function drawEdges(ctx) {
    var tf = transform();
    // while panning or zooming draw a thinned-out sample so the motion stays fluid
    var step = moving && E.length > 20000 ? Math.ceil(E.length / 20000) : 1;
    var x0 = -tf.ox / tf.s, y0 = -tf.oy / tf.s, x1 = x0 + tf.w / tf.s, y1 = y0 + tf.h / tf.s;
    var bn = network.body.nodes, alpha = E.length > 20000 ? 0.3 : 0.45;
    ctx.save();
    ctx.lineWidth = 1 / tf.s;
    for (var pass = 0; pass < 2; pass++) {
      ctx.globalAlpha = pass === 0 ? alpha / 5 : alpha;
      for (var t = 0; t < edgesByType.length; t++) {
        if (hiddenEType[t]) continue;
        var list = edgesByType[t];
        ctx.strokeStyle = ET[t].color;
        ctx.beginPath();
        for (var k = 0; k < list.length; k += step) {
          var e = list[k];
          if (isLong[e.id] !== (pass === 0 ? 1 : 0)) continue;
          if (hiddenType[N[e.from].t] || hiddenType[N[e.to].t]) continue;
          var a = bn[e.from], b = bn[e.to];
          // skip segments whose both ends lie beyond the same side of the view
          if ((a.x < x0 && b.x < x0) || (a.x > x1 && b.x > x1) || (a.y < y0 && b.y < y0) || (a.y > y1 && b.y > y1)) continue;
          ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y);
        }
        ctx.stroke();
      }
    }
    ctx.restore();
  }
  // the edge under the mouse (DOM pixels), within 4 px; brute force is ~1 ms at 50k edges
  function edgeAt(mx, my) {
    var tf = transform(), bn = network.body.nodes, best = null, bestD = 16;
    for (var j = 0; j < E.length; j++) {
      var e = E[j];
      if (edgeHidden(e)) continue;
      var a = bn[e.from], b = bn[e.to];
      var ax = a.x * tf.s + tf.ox, ay = a.y * tf.s + tf.oy, bx = b.x * tf.s + tf.ox, by = b.y * tf.s + tf.oy;
      if ((mx < ax - 4 && mx < bx - 4) || (mx > ax + 4 && mx > bx + 4) || (my < ay - 4 && my < by - 4) || (my > ay + 4 && my > by + 4)) continue;
      var dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
      var u = len ? Math.max(0, Math.min(1, ((mx - ax) * dx + (my - ay) * dy) / len)) : 0;
      var px = ax + u * dx - mx, py = ay + u * dy - my, d = px * px + py * py;
      if (d < bestD) { bestD = d; best = j; }
    }
    return best;
  }
  if (customEdges) {
    classifyEdges();
    network.on("beforeDrawing", drawEdges);
    var settle = null;
    var startMoving = function () { moving = true; clearTimeout(settle); };
    var stopMoving = function () { clearTimeout(settle); settle = setTimeout(function () { moving = false; network.redraw(); }, 150); };
    network.on("dragStart", startMoving);
    network.on("dragEnd", function (p) { if (p.nodes.length) classifyEdges(); stopMoving(); });
    network.on("zoom", function () { startMoving(); stopMoving(); });
  }

  // A uniform grid of placed label boxes, so that overlap tests stay cheap at 10k nodes.
  function Boxes() { this.cells = {}; }
  Boxes.prototype.keys = function (b) {
    var out = [], x0 = Math.floor(b.x / 64), x1 = Math.floor((b.x + b.w) / 64), y0 = Math.floor(b.y / 16), y1 = Math.floor((b.y + b.h) / 16);
    for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) out.push(x + "," + y);
    return out;
  };
  Boxes.prototype.free = function (b) {
    var ks = this.keys(b);
    for (var i = 0; i < ks.length; i++) {
      var list = this.cells[ks[i]];
      if (!list) continue;
      for (var j = 0; j < list.length; j++) {
        var o = list[j];
        if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
      }
    }
    return true;
  };
  Boxes.prototype.add = function (b) {
    var ks = this.keys(b);
    for (var i = 0; i < ks.length; i++) (this.cells[ks[i]] = this.cells[ks[i]] || []).push(b);
  };

  function drawLabel(ctx, boxes, i, tf, force, bold) {
    var p = nodePos(i);
    var x = p.x * tf.s + tf.ox, y = p.y * tf.s + tf.oy;
    if (x < -200 || y < -40 || x > tf.w + 200 || y > tf.h + 40) return false;
    var text = cut(N[i].n, LABEL_CHARS);
    ctx.font = bold ? LABEL_FONT_BOLD : LABEL_FONT;
    var w = ctx.measureText(text).width + 6;
    var top = y + N[i].size * tf.s + 2;
    var box = { x: x - w / 2, y: top, w: w, h: 15 };
    if (!force && !boxes.free(box)) return false;
    boxes.add(box);
    ctx.strokeText(text, x, top + 1);
    ctx.fillText(text, x, top + 1);
    return true;
  }

  function transform() {
    var o = network.canvasToDOM({ x: 0, y: 0 });
    return { s: network.getScale(), ox: o.x, oy: o.y, w: container.clientWidth, h: container.clientHeight };
  }

  function neighbourhood(i) {
    var set = {}; set[i] = true;
    adj[i].forEach(function (j) { var e = E[j]; if (!edgeHidden(e)) { set[e.from] = true; set[e.to] = true; } });
    return set;
  }

  function drawOverlay(ctx) {
    var tf = transform(), ratio = window.devicePixelRatio || 1;
    var hood = null;
    if (selected !== null) {
      // dim everything, then redraw the selected node's links and neighbours on top
      hood = neighbourhood(selected);
      ctx.save();
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.fillStyle = "rgba(255,255,255,0.8)";
      ctx.fillRect(0, 0, tf.w, tf.h);
      ctx.restore();
      ctx.save();
      ctx.lineWidth = 2 / tf.s;
      adj[selected].forEach(function (j) {
        var e = E[j];
        if (edgeHidden(e)) return;
        var a = nodePos(e.from), b = nodePos(e.to);
        ctx.strokeStyle = ET[e.t].color;
        ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      });
      Object.keys(hood).forEach(function (k) {
        var i = +k, p = nodePos(i), t = T[N[i].t];
        shapePath(ctx, t.shape, p.x, p.y, N[i].size);
        ctx.fillStyle = t.color; ctx.fill();
        ctx.lineWidth = (i === selected ? 3 : 1.5) / tf.s; ctx.strokeStyle = i === selected ? "#111" : "#fff"; ctx.stroke();
      });
      ctx.restore();
    }
    if (hoveredEdge !== null) {
      var he = E[hoveredEdge], ha = nodePos(he.from), hb = nodePos(he.to);
      ctx.save();
      ctx.lineWidth = 3 / tf.s; ctx.strokeStyle = ET[he.t].color;
      ctx.beginPath(); ctx.moveTo(ha.x, ha.y); ctx.lineTo(hb.x, hb.y); ctx.stroke();
      ctx.restore();
    }
    if (D.focus !== null && D.focus !== undefined && !isHidden(D.focus)) {
      // the --focus node: a dashed ring
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
    var boxes = new Boxes(), placed = 0;
    if (hovered !== null && !isHidden(hovered)) { drawLabel(ctx, boxes, hovered, tf, true, true); placed++; }
    if (D.focus !== null && D.focus !== undefined && D.focus !== hovered && !isHidden(D.focus)) {
      drawLabel(ctx, boxes, D.focus, tf, true, true); placed++;
    }
    if (hood) {
      if (hovered !== selected) drawLabel(ctx, boxes, selected, tf, true, true);
      for (var a = 0; a < order.length && placed < LABEL_BUDGET * 2; a++) {
        var h = order[a];
        if (hood[h] && h !== selected && h !== hovered && h !== D.focus && drawLabel(ctx, boxes, h, tf, false, false)) placed++;
      }
    } else {
      var reveal = fitScale !== null && tf.s >= fitScale * 2.2;
      for (var b = 0; b < order.length && placed < LABEL_BUDGET; b++) {
        var i = order[b];
        if (!N[i].h && !reveal) break; // hubs come first in `order`
        if (i === hovered || i === D.focus || isHidden(i)) continue;
        if (drawLabel(ctx, boxes, i, tf, false, !!N[i].h && placed < 12)) placed++;
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
  function row(list, role, name, src) {
    var li = el("li");
    if (role) { li.appendChild(el("span", "kg-role", role + ": ")); }
    li.appendChild(el("span", "kg-name", name));
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
    head.appendChild(swatch(t, 14));
    head.appendChild(el("span", null, n.n));
    box.appendChild(head);
    box.appendChild(el("div", "kg-card-sub", t.label + " · " + paperCount(n)));
    if (n.i && n.i.length) {
      var dl = el("dl");
      n.i.forEach(function (kv) { dl.appendChild(el("dt", null, kv[0])); dl.appendChild(el("dd", null, kv[1])); });
      box.appendChild(dl);
    }
    if (n.pp) {
      section(box, "Papers", n.pp, max, function (ul, r) { var p = P[r[0]]; row(ul, r[1], p[0], p[1]); });
    }
    var links = adj[i].filter(function (j) { return !edgeHidden(E[j]); }).map(function (j) { return E[j]; });
    links.sort(function (a, b) { return a.t - b.t || (a.p || 0) - (b.p || 0) || (a.from === i ? a.to : a.from) - (b.from === i ? b.to : b.from); });
    section(box, "Links", links, max, function (ul, e) {
      var other = e.from === i ? e.to : e.from;
      row(ul, edgeRole(e, i), N[other].n, e.s ? e.s[0] : "");
    });
    return box;
  }
  function edgeCard(j, max) {
    var e = E[j], t = ET[e.t], box = el("div", "kg-card");
    var head = el("div", "kg-card-head");
    head.appendChild(lineSwatch(t.color));
    head.appendChild(el("span", null, N[e.from].n + " \u2192 " + N[e.to].n));
    box.appendChild(head);
    box.appendChild(el("div", "kg-card-sub", t.type + " · " + t.label + (e.p ? " · author #" + e.p : "")));
    if (e.e) box.appendChild(el("div", "kg-ev", "\u201c" + e.e + "\u201d"));
    if (e.pp) section(box, "Papers", e.pp, max, function (ul, k) { row(ul, null, P[k][0], P[k][1]); });
    if (e.s) {
      var srcs = e.s.slice();
      if (e.m) srcs.push("… and " + e.m + " more");
      section(box, "Seen at", srcs, max, function (ul, s) { ul.appendChild(el("li", "kg-src", s)); });
    }
    return box;
  }

  var mouse = { x: 0, y: 0 }, probe = 0;
  container.addEventListener("mousemove", function (ev) {
    var r = container.getBoundingClientRect();
    mouse.x = ev.clientX - r.left; mouse.y = ev.clientY - r.top;
    if (!tip.hidden) placeTip();
    if (customEdges && !probe && ev.buttons === 0) probe = requestAnimationFrame(probeEdge);
  });
  container.addEventListener("mouseleave", function () { if (hoveredEdge !== null) { hoveredEdge = null; hideTip(); network.redraw(); } });
  function probeEdge() {
    probe = 0;
    var j = hovered === null ? edgeAt(mouse.x, mouse.y) : null;
    if (j === hoveredEdge) return;
    hoveredEdge = j;
    if (j === null) { if (hovered === null) hideTip(); } else showTip(edgeCard(j, TIP_ROWS));
    network.redraw();
  }
  function placeTip() {
    var w = tip.offsetWidth, h = tip.offsetHeight, W = container.clientWidth, H = container.clientHeight;
    var x = mouse.x + 16, y = mouse.y + 16;
    if (x + w > W - 8) x = Math.max(8, mouse.x - w - 16);
    if (y + h > H - 8) y = Math.max(8, H - h - 8);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function showTip(card) {
    tip.textContent = "";
    tip.appendChild(card);
    tip.hidden = false;
    placeTip();
  }
  function hideTip() { tip.hidden = true; tip.textContent = ""; }

  network.on("hoverNode", function (p) { hovered = p.node; hoveredEdge = null; showTip(nodeCard(p.node, TIP_ROWS)); network.redraw(); });
  network.on("blurNode", function () { hovered = null; hideTip(); network.redraw(); });
  network.on("hoverEdge", function (p) { if (hovered === null) showTip(edgeCard(p.edge, TIP_ROWS)); });
  network.on("blurEdge", function () { if (hovered === null) hideTip(); });
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  function showDetails(card) {
    detailsBody.textContent = "";
    detailsBody.appendChild(card);
    details.hidden = false;
  }
  function closeDetails() { details.hidden = true; detailsBody.textContent = ""; }
  document.getElementById("kg-details-close").addEventListener("click", function () { select(null); });

  function select(i) {
    selected = i;
    if (i === null) { network.unselectAll(); closeDetails(); }
    else { network.selectNodes([i], false); showDetails(nodeCard(i, PANEL_ROWS)); }
    network.redraw();
  }
  network.on("click", function (p) {
    hideTip();
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
    for (var i = 0; i < N.length; i++) {
      var at = lowerNames[i].indexOf(q);
      if (at < 0) continue;
      var rank = at === 0 ? 0 : (/[\s\-_(\/]/.test(lowerNames[i].charAt(at - 1)) ? 1 : 2);
      found.push([rank, -N[i].w, i]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return found.slice(0, 12).map(function (f) { return f[2]; });
  }
  function renderResults() {
    results.textContent = "";
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!hits.length) { results.appendChild(el("li", "kg-empty", "No node matches")); }
    hits.forEach(function (i, k) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.appendChild(swatch(T[N[i].t], 12));
      li.appendChild(el("span", "kg-res-name", N[i].n));
      li.appendChild(el("span", "kg-res-type", T[N[i].t].label));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    results.hidden = false;
  }
  function choose(i) {
    if (isHidden(i)) setTypeHidden(N[i].t, false);
    results.hidden = true;
    input.value = N[i].n;
    select(i);
    var target = Math.max(network.getScale(), (fitScale || 1) * 3, 0.8);
    network.focus(i, { scale: target, animation: { duration: 450, easingFunction: "easeInOutQuad" } });
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

  // --- legend and filtering -------------------------------------------------------------
  function applyFilter() {
    var nu = [], eu = [];
    for (var i = 0; i < N.length; i++) {
      var h = isHidden(i);
      if (!!N[i].hidden !== h) { N[i].hidden = h; nu.push({ id: i, hidden: h }); }
    }
    for (var j = 0; j < E.length && !customEdges; j++) {
      var eh = edgeHidden(E[j]);
      if (!!E[j].hidden !== eh) { E[j].hidden = eh; eu.push({ id: j, hidden: eh }); }
    }
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    if (selected !== null && isHidden(selected)) select(null); else network.redraw();
  }
  var typeItems = [], etypeItems = [];
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
  function legendItem(list, sw, name, count, onToggle) {
    var li = el("li");
    li.setAttribute("role", "switch"); li.setAttribute("aria-checked", "true"); li.tabIndex = 0;
    li.appendChild(sw);
    li.appendChild(el("span", "kg-leg-name", name));
    li.appendChild(el("span", "kg-leg-count", count.toLocaleString("en")));
    li.addEventListener("click", onToggle);
    li.addEventListener("keydown", function (ev) { if (ev.key === " " || ev.key === "Enter") { ev.preventDefault(); onToggle(); } });
    list.appendChild(li);
    return li;
  }
  var nodeList = document.getElementById("kg-node-types"), edgeList = document.getElementById("kg-edge-types");
  T.forEach(function (t, ti) {
    typeItems.push(legendItem(nodeList, swatch(t, 16), t.label, t.count, function () { setTypeHidden(ti, !hiddenType[ti]); }));
  });
  ET.forEach(function (t, ti) {
    etypeItems.push(legendItem(edgeList, lineSwatch(t.color), t.label, t.count, function () { setETypeHidden(ti, !hiddenEType[ti]); }));
  });
  if (!ET.length) edgeList.previousElementSibling.hidden = true;  // no "Links" heading without links
  document.getElementById("kg-size-note").textContent =
    "Size: number of papers (papers: number of links)." + (D.physics ? "" : " Layout precomputed; physics off for speed.");

  // --- hooks for tests and the benchmark ------------------------------------------------
  window.kg = {
    data: D, network: network, nodes: nodes, edges: edges,
    search: search, choose: choose, select: select,
    nodeText: function (i) { return nodeCard(i, PANEL_ROWS).textContent; },
    edgeText: function (j) { return edgeCard(j, PANEL_ROWS).textContent; },
    setTypeHidden: setTypeHidden
  };
})();
