import { html } from 'lit';
import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { LightElement } from '../components/light-element.js';
import { api } from '../api.js';
import { onChange } from '../feed.js';
import { entityHref, navigate, parseRoute } from '../router.js';
import { typeCategory } from '../format.js';
import { onThemeChange } from '../theme.js';
import { loadDashboardStyles } from '../dashboard/dashboard-grid.js';
import { fromParams, withSelected } from '../graph/view-state.js';
import { CELL, sceneLayout } from './scene-layout.js';
import { modelOf, projectLineage, projectModel, replaySteps } from './projection.js';

const FLY_MS = 600;
const SEARCH_MAX = 8;
/** Graphs up to this many nodes show every node's name. */
const SMALL = 80;

function cssColor(name, fallback) {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return new THREE.Color(v || fallback);
}

function webglAvailable() {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * The lineage of one entity in 3D: the same query as the 2D explorer (focus, direction, depth,
 * level from the URL's parameters), layers from upstream to downstream along x, each namespace a
 * translucent plane. Nodes are two instanced meshes (datasets as cubes, jobs as octahedra), edges
 * one line-segments buffer, so thousands of nodes cost a handful of draw calls. Orbit, zoom, fly to
 * a searched node; a click selects and says what it is, a double click (or Enter) opens it. Drawn
 * on demand only: nothing renders while nothing moves.
 */
export class Lineage3d extends LightElement {
  static properties = {
    focus: { attribute: false },
    params: { attribute: false },
    lineage: { attribute: false },
    compact: { type: Boolean, reflect: true },
    selected: { state: true },
    status: { state: true },
    matches: { state: true },
    changed: { state: true },
  };

  constructor() {
    super();
    this.params = {};
    this.selected = null;
    this.status = 'Loading…';
    this.matches = [];
    this.changed = 0;
    this.guids = [];
    this.nodes = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    loadDashboardStyles();
    this.stopFeed = onChange((c) => this.onFeed(c));
    this.stopTheme = onThemeChange(() => this.recolor());
  }

  disconnectedCallback() {
    this.stopFeed?.();
    this.stopTheme?.();
    this.resizer?.disconnect();
    cancelAnimationFrame(this.flying);
    this.dispose();
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('lineage') && this.lineage) this.pending = this.lineage;
    const key = JSON.stringify([this.focus, this.params || {}]);
    if (!this.lineage && (changed.has('focus') || changed.has('params')) && key !== this.loadedKey) {
      this.loadedKey = key;
      this.load();
    }
  }

  updated() {
    if (this.pending && this.querySelector('.l3d-canvas')) {
      const l = this.pending;
      this.pending = null;
      this.build(l);
    }
  }

  /**
   * The 2D explorer's view state, read from the same URL parameters with the same defaults
   * (view-state.js): the query, the filters, datasets only and the selection.
   */
  viewState() {
    // The URL as it is now: the selection made here since the route was drawn is in it.
    const route = parseRoute();
    const live = route.page === 'entity' && route.guid === this.focus ? route.params : null;
    return fromParams(live || this.params || {}, { narrow: window.innerWidth < 600 });
  }

  /** The lineage query of the 2D explorer. */
  query() {
    const { direction, depth, level } = this.viewState();
    return { direction, depth, level };
  }

  /**
   * The explorer's graph: the query's answer and, when the explorer has hand-made expansions or
   * collapses, the same steps replayed in order on its graph model (as the explorer does on load).
   */
  async load() {
    this.status = 'Loading…';
    this.dataset.ready = 'false';
    try {
      const state = this.viewState();
      const lineage = await api.lineage(this.focus, this.query());
      if (!lineage.nodes.has(this.focus)) lineage.nodes.set(this.focus, await api.entity(this.focus));
      this.pending = state.ops.length
        ? { model: await replaySteps(modelOf(lineage, this.focus, state), state.ops,
          (guid, dir) => api.lineage(guid, { direction: dir, depth: 1, level: 'DATASET' })), start: this.focus }
        : lineage;
      this.changed = 0;
      this.requestUpdate();
    } catch (e) {
      this.status = `Could not load the lineage: ${e.message}`;
    }
  }

  // ---- scene ---------------------------------------------------------------------------------

  /**
   * Draws {@code answer} (a lineage answer, or the explorer's graph model after its hand-made
   * steps). With {@code keepCamera}, or once the user has moved the camera, a redraw keeps the
   * view where it is: live updates never move what the user is looking at.
   */
  build(answer, { keepCamera = false } = {}) {
    const t0 = performance.now();
    this.answer = answer;
    // An embedded view (a dashboard's widget) draws the lineage it is given; the explorer's view
    // draws what the 2D explorer would show for the same URL.
    const state = this.compact ? null : this.viewState();
    const lineage = answer.model
      ? projectModel(answer.model, state || { filters: {}, datasetsOnly: false })
      : state ? projectLineage(answer, this.focus || answer.start, state) : { ...answer, hidden: 0 };
    const refit = !this.layout || !(keepCamera || this.userMoved);
    const host = this.querySelector('.l3d-canvas');
    if (!webglAvailable()) {
      this.status = 'This browser cannot draw WebGL: use the 2D view.';
      return;
    }
    if (!this.renderer) this.initRenderer(host);
    this.clearScene();
    const focus = this.focus || lineage.start;
    this.nodes = lineage.nodes;
    const layout = sceneLayout(lineage.nodes, lineage.edges, focus, { cell: lineage.nodes.size <= SMALL ? 22 : CELL });
    this.layout = layout;
    this.guids = { dataset: [], process: [] };
    for (const [guid, n] of lineage.nodes) this.guids[typeCategory(n) === 'process' ? 'process' : 'dataset'].push(guid);

    const size = lineage.nodes.size > 1500 ? 3.2 : lineage.nodes.size > 200 ? 4.2 : 7;
    this.meshes = {
      dataset: this.instanced(new THREE.BoxGeometry(size, size, size), this.guids.dataset, layout),
      process: this.instanced(new THREE.OctahedronGeometry(size * 0.8), this.guids.process, layout),
    };
    // Edges: one buffer of segments.
    const positions = new Float32Array(lineage.edges.length * 6);
    let i = 0;
    for (const e of lineage.edges) {
      const a = layout.points.get(e.from);
      const b = layout.points.get(e.to);
      if (!a || !b) continue;
      positions.set(a, i);
      positions.set(b, i + 3);
      i += 6;
    }
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(positions.subarray(0, i), 3));
    this.edges = new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ transparent: true, opacity: 0.55 }));
    this.scene.add(this.edges);
    this.edgeCount = i / 6;
    // Namespaces: translucent planes under their bands.
    this.planes = new THREE.Group();
    const { min, max } = layout.extent;
    for (const band of layout.bands) {
      const w = max[0] - min[0] + 40;
      const d = band.z1 - band.z0 + 12;
      const plane = new THREE.Mesh(new THREE.PlaneGeometry(w, d),
        new THREE.MeshBasicMaterial({ transparent: true, opacity: 0.08, side: THREE.DoubleSide, depthWrite: false }));
      plane.rotation.x = -Math.PI / 2;
      plane.position.set((min[0] + max[0]) / 2, min[1] - 8, (band.z0 + band.z1) / 2);
      plane.userData.namespace = band.namespace;
      this.planes.add(plane);
    }
    this.scene.add(this.planes);
    this.recolor();
    if (refit) this.fit(false);
    else this.draw();
    this.buildMs = performance.now() - t0;
    const hidden = lineage.hidden ? ` · ${lineage.hidden} hidden by the filters` : '';
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    this.status = [count(lineage.nodes.size, 'node', 'nodes'), count(this.edgeCount, 'edge', 'edges'),
      count(layout.layers.length, 'layer', 'layers'), count(layout.bands.length, 'namespace', 'namespaces')].join(' · ') + hidden;
    Object.assign(this.dataset, {
      nodes: String(lineage.nodes.size), edges: String(this.edgeCount), layers: String(layout.layers.length),
      namespaces: String(layout.bands.length), focus: focus || '', ready: 'true', buildMs: this.buildMs.toFixed(0),
      hidden: String(lineage.hidden),
    });
    // The selection made in the 2D explorer (or before a reload, or before a live redraw) stays
    // selected while its node is drawn.
    const wanted = state ? state.selected : this.selected;
    const keep = wanted && lineage.nodes.has(wanted) ? wanted : null;
    if (keep || this.selected) this.select(keep, { persist: false });
  }

  instanced(geometry, guids, layout) {
    const mesh = new THREE.InstancedMesh(geometry, new THREE.MeshLambertMaterial(), Math.max(1, guids.length));
    mesh.count = guids.length;
    const m = new THREE.Matrix4();
    guids.forEach((g, i) => {
      const p = layout.points.get(g) || [0, 0, 0];
      m.makeTranslation(p[0], p[1], p[2]);
      mesh.setMatrixAt(i, m);
      mesh.setColorAt(i, new THREE.Color(0xffffff));
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.userData.guids = guids;
    mesh.computeBoundingSphere();
    this.scene.add(mesh);
    return mesh;
  }

  initRenderer(host) {
    // preserveDrawingBuffer: a screenshot, a PNG or a test reads what is on screen.
    this.renderer = new THREE.WebGLRenderer({ antialias: false, preserveDrawingBuffer: true, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    host.prepend(this.renderer.domElement);
    this.renderer.domElement.setAttribute('aria-label', 'Lineage in 3D');
    this.renderer.domElement.setAttribute('role', 'img');
    this.renderer.domElement.tabIndex = 0;
    this.scene = new THREE.Scene();
    this.camera = new THREE.PerspectiveCamera(50, 1, 1, 100_000);
    this.scene.add(new THREE.AmbientLight(0xffffff, 1.6));
    const sun = new THREE.DirectionalLight(0xffffff, 1.4);
    sun.position.set(1, 2, 1.5);
    this.scene.add(sun);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.enableDamping = false;
    this.controls.addEventListener('change', () => this.draw());
    this.controls.addEventListener('start', () => { this.userMoved = true; });
    this.raycaster = new THREE.Raycaster();
    const canvas = this.renderer.domElement;
    let down = null;
    canvas.addEventListener('pointerdown', (e) => { down = [e.clientX, e.clientY]; });
    canvas.addEventListener('pointerup', (e) => {
      if (down && Math.hypot(e.clientX - down[0], e.clientY - down[1]) < 5) this.select(this.pick(e.clientX, e.clientY));
      down = null;
    });
    canvas.addEventListener('dblclick', (e) => {
      const g = this.pick(e.clientX, e.clientY);
      if (g) navigate(entityHref(g));
    });
    canvas.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && this.selected) navigate(entityHref(this.selected));
      if (e.key === 'f') this.fit(true);
    });
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(host);
    this.resize();
  }

  resize() {
    const host = this.querySelector('.l3d-canvas');
    if (!host || !this.renderer) return;
    const w = Math.max(1, host.clientWidth);
    const h = Math.max(1, host.clientHeight);
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.nameEls = null; // which names fit depends on the size
    this.draw();
  }

  recolor() {
    if (!this.meshes) return;
    const colors = {
      dataset: cssColor('--node-dataset-border', '#2563eb'),
      process: cssColor('--node-process-border', '#b45309'),
      redacted: cssColor('--node-redacted', '#9ca3af'),
      highlight: cssColor('--highlight', '#db2777'),
      fresh: cssColor('--new', '#16a34a'),
    };
    for (const [kind, mesh] of Object.entries(this.meshes)) {
      mesh.userData.guids.forEach((g, i) => {
        const n = this.nodes.get(g);
        let c = n?.redacted ? colors.redacted : colors[kind];
        if (g === this.selected || g === this.focus) c = colors.highlight;
        else if (this.touched?.has(g)) c = colors.fresh;
        mesh.setColorAt(i, c);
      });
      if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    }
    this.edges.material.color = cssColor('--edge', '#8a94a6');
    this.planes.children.forEach((p) => { p.material.color = cssColor('--accent', '#2563eb'); });
    this.scene.background = cssColor('--surface', '#ffffff');
    this.draw();
  }

  draw() {
    if (!this.renderer || !this.scene) return;
    this.renderer.render(this.scene, this.camera);
    this.placeLabel();
    this.placeNames();
  }

  /**
   * Frames the whole graph, seen from upstream-left and above so that layers and planes both show.
   * The distance is fitted to the box's corners as projected, not to its bounding sphere: a long,
   * flat estate then fills the view instead of sitting small in its middle.
   */
  fit(animate) {
    const { min, max } = this.layout.extent;
    const center = new THREE.Vector3((min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2);
    const size = new THREE.Vector3(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
    const radius = Math.max(30, size.length() / 2);
    const dir = new THREE.Vector3(-0.3, 0.85, 0.85).normalize();
    let distance = radius / Math.sin((this.camera.fov * Math.PI) / 360);
    const corners = [];
    for (const x of [min[0] - 10, max[0] + 10]) for (const y of [min[1] - 10, max[1] + 10]) for (const z of [min[2] - 10, max[2] + 10]) corners.push(new THREE.Vector3(x, y, z));
    // A few rounds of "how much of the view do the corners take", each scaling the distance.
    const probe = this.camera.clone();
    const p = new THREE.Vector3();
    for (let round = 0; round < 4; round++) {
      probe.position.copy(center).addScaledVector(dir, distance);
      probe.lookAt(center);
      probe.updateMatrixWorld();
      let extent = 0;
      for (const c of corners) {
        p.copy(c).project(probe);
        extent = Math.max(extent, Math.abs(p.x), Math.abs(p.y));
      }
      if (!Number.isFinite(extent) || extent <= 0) break;
      distance *= extent / 0.88;
    }
    const eye = center.clone().addScaledVector(dir, distance);
    this.controls.maxDistance = distance * 4;
    this.flyTo(center, eye, animate);
  }

  flyTo(target, eye, animate) {
    cancelAnimationFrame(this.flying);
    if (!animate) {
      this.controls.target.copy(target);
      this.camera.position.copy(eye);
      this.controls.update();
      this.draw();
      return;
    }
    this.dataset.flying = 'true';
    const fromT = this.controls.target.clone();
    const fromE = this.camera.position.clone();
    const start = performance.now();
    const step = (now) => {
      const k = Math.min(1, (now - start) / FLY_MS);
      const s = k * k * (3 - 2 * k);
      this.controls.target.lerpVectors(fromT, target, s);
      this.camera.position.lerpVectors(fromE, eye, s);
      this.controls.update();
      this.draw();
      if (k < 1) this.flying = requestAnimationFrame(step);
      else this.dataset.flying = 'false';
    };
    this.flying = requestAnimationFrame(step);
  }

  /** Flies to a node and selects it. */
  flyToNode(guid) {
    const p = this.layout?.points.get(guid);
    if (!p) return false;
    const target = new THREE.Vector3(...p);
    const eye = target.clone().add(new THREE.Vector3(-30, 40, 90));
    this.select(guid);
    this.flyTo(target, eye, true);
    return true;
  }

  pick(clientX, clientY) {
    if (!this.meshes) return null;
    const r = this.renderer.domElement.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    const hits = this.raycaster.intersectObjects(Object.values(this.meshes), false);
    const hit = hits.find((h) => h.instanceId !== undefined);
    return hit ? hit.object.userData.guids[hit.instanceId] : null;
  }

  select(guid, { persist = true } = {}) {
    this.selected = guid;
    this.nameEls = null;
    this.dataset.selected = guid || '';
    this.recolor();
    if (persist) this.persist();
  }

  /**
   * Writes the selection into the URL, as the 2D explorer does, without navigating: the 2D view
   * opened from here (or a reload) selects the same node. Everything else in the URL stays.
   */
  persist() {
    if (this.compact || !this.focus) return;
    const route = parseRoute();
    if (route.page !== 'entity' || route.guid !== this.focus) return;
    const params = withSelected(route.params, this.selected);
    const href = entityHref(this.focus, 'lineage', Object.keys(params).length ? params : undefined);
    if (location.hash !== href) history.replaceState(history.state, '', href);
  }

  /** Names over the nodes of small graphs, and over each namespace's plane, kept in place on screen. */
  placeNames() {
    const layer = this.querySelector('.l3d-names');
    if (!layer || !this.layout) return;
    if (!this.nameEls) {
      layer.replaceChildren();
      this.nameEls = [];
      const add = (text, point, cls) => {
        const el = document.createElement('span');
        el.className = cls;
        el.textContent = text;
        layer.append(el);
        this.nameEls.push({ el, point });
      };
      // A small widget (a phone's dashboard) has no room for every name: a click shows one.
      const width = this.querySelector('.l3d-canvas')?.clientWidth ?? 0;
      const roomy = !this.compact || width >= 80 * Math.max(1, this.layout.layers.length) + 120;
      if (this.nodes.size <= SMALL && roomy) {
        for (const [g, p] of this.layout.points) if (g !== this.selected) add(String(this.nodes.get(g)?.name ?? ''), p, 'l3d-name');
      }
      const { min } = this.layout.extent;
      // A widget's single namespace says nothing its status line does not.
      const bands = this.compact && this.layout.bands.length === 1 ? [] : this.layout.bands;
      for (const b of bands) add(b.namespace, [min[0] - 20, min[1] - 8, (b.z0 + b.z1) / 2], 'l3d-ns');
    }
    const host = this.querySelector('.l3d-canvas');
    const v = new THREE.Vector3();
    for (const { el, point } of this.nameEls) {
      v.set(point[0], point[1], point[2]).project(this.camera);
      const hidden = v.z > 1 || Math.abs(v.x) > 1.05 || Math.abs(v.y) > 1.05;
      el.hidden = hidden;
      if (hidden) continue;
      const x = ((v.x + 1) / 2) * host.clientWidth;
      const y = ((1 - v.y) / 2) * host.clientHeight;
      // Namespace names start at their plane's edge and never leave the canvas.
      el.style.transform = el.className === 'l3d-ns'
        ? `translate(${Math.max(4, Math.min(x, host.clientWidth - el.offsetWidth - 4))}px, ${y}px) translate(0, -50%)`
        : `translate(${x}px, ${y}px) translate(-50%, 6px)`;
    }
  }

  /** The selected node's name, kept over it on screen. */
  placeLabel() {
    const label = this.querySelector('.l3d-label');
    if (!label) return;
    const p = this.selected && this.layout?.points.get(this.selected);
    if (!p) {
      label.hidden = true;
      return;
    }
    const v = new THREE.Vector3(...p).project(this.camera);
    const host = this.querySelector('.l3d-canvas');
    label.hidden = v.z > 1 || Math.abs(v.x) > 1 || Math.abs(v.y) > 1;
    label.style.left = `${((v.x + 1) / 2) * host.clientWidth}px`;
    label.style.top = `${((1 - v.y) / 2) * host.clientHeight}px`;
  }

  clearScene() {
    if (!this.scene) return;
    for (const o of [...this.scene.children]) {
      if (o.isLight) continue;
      this.scene.remove(o);
      o.traverse?.((x) => {
        x.geometry?.dispose();
        x.material?.dispose?.();
      });
    }
    this.meshes = null;
    this.nameEls = null;
  }

  dispose() {
    this.clearScene();
    this.controls?.dispose();
    this.renderer?.dispose();
    this.renderer?.forceContextLoss?.();
    this.renderer = null;
    this.scene = null;
  }

  // ---- live updates --------------------------------------------------------------------------

  /**
   * The explorer's rules: updates recolour the nodes they touch; new relationships are offered,
   * never inserted; an entity deleted elsewhere disappears (the focus stays), the camera where it is.
   */
  onFeed(c) {
    if (!this.meshes) return;
    const shown = [c.subject?.guid, c.target?.guid].filter((g) => g && this.nodes.has(g));
    if (!shown.length) return;
    if (c.kind === 'ENTITY_DELETED' && !this.compact && c.subject?.guid && this.nodes.has(c.subject.guid)
      && c.subject.guid !== this.focus && this.answer) {
      this.removeDrawn(c.subject.guid);
      return;
    }
    if (c.kind === 'RELATIONSHIP_CREATED' || c.kind === 'ENTITY_DELETED') {
      this.changed++;
      return;
    }
    this.touched = this.touched || new Set();
    shown.forEach((g) => this.touched.add(g));
    clearTimeout(this.recolorTimer);
    this.recolorTimer = setTimeout(() => this.recolor(), 200);
  }

  removeDrawn(guid) {
    const a = this.answer;
    if (a.model) {
      a.model.removeNodes([guid]);
    } else {
      const nodes = new Map(a.nodes);
      nodes.delete(guid);
      this.answer = { ...a, nodes, edges: a.edges.filter((e) => e.from !== guid && e.to !== guid) };
    }
    if (this.selected === guid) this.select(null);
    this.build(this.answer, { keepCamera: true });
  }

  // ---- benchmark -----------------------------------------------------------------------------

  /**
   * Orbits the camera through {@code frames} frames, each drawn and finished (a pixel read back),
   * and returns their times in milliseconds: what docs/benchmarks.md reports. With {@code naive},
   * the same scene drawn the plain way, one mesh per node and one line per edge, as the baseline
   * that instancing is measured against.
   */
  measureFrames(frames = 60, { naive = false } = {}) {
    const gl = this.renderer.getContext();
    const pixel = new Uint8Array(4);
    const times = [];
    const plain = naive ? this.plainScene() : null;
    const radius = this.camera.position.distanceTo(this.controls.target);
    const height = this.camera.position.y;
    for (let i = 0; i < frames; i++) {
      const a = (i / frames) * Math.PI * 2;
      const t0 = performance.now();
      this.camera.position.set(this.controls.target.x + Math.sin(a) * radius, height, this.controls.target.z + Math.cos(a) * radius);
      this.camera.lookAt(this.controls.target);
      this.renderer.render(this.scene, this.camera);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      times.push(performance.now() - t0);
    }
    if (plain) plain();
    this.fit(false);
    return times;
  }

  /** Swaps the instanced scene for a plain one; returns a function that swaps back. */
  plainScene() {
    const group = new THREE.Group();
    const box = new THREE.BoxGeometry(3.2, 3.2, 3.2);
    for (const [guid, p] of this.layout.points) {
      const mesh = new THREE.Mesh(box, new THREE.MeshLambertMaterial({ color: typeCategory(this.nodes.get(guid)) === 'process' ? 0xb45309 : 0x2563eb }));
      mesh.position.set(...p);
      group.add(mesh);
    }
    const positions = this.edges.geometry.getAttribute('position').array;
    const lineMaterial = new THREE.LineBasicMaterial({ color: 0x8a94a6 });
    for (let i = 0; i < positions.length; i += 6) {
      const g = new THREE.BufferGeometry();
      g.setAttribute('position', new THREE.BufferAttribute(positions.slice(i, i + 6), 3));
      group.add(new THREE.Line(g, lineMaterial));
    }
    const shown = [...Object.values(this.meshes), this.edges];
    shown.forEach((o) => { o.visible = false; });
    this.scene.add(group);
    return () => {
      this.scene.remove(group);
      group.traverse((x) => { if (x.geometry && x.geometry !== box) x.geometry.dispose(); x.material?.dispose?.(); });
      box.dispose();
      shown.forEach((o) => { o.visible = true; });
    };
  }

  // ---- template ------------------------------------------------------------------------------

  search(e) {
    const q = e.target.value.trim().toLowerCase();
    this.query3d = q;
    if (!q) {
      this.matches = [];
      return;
    }
    const out = [];
    for (const n of this.nodes.values()) {
      if (String(n.name).toLowerCase().includes(q) || String(n.qualifiedName).toLowerCase().includes(q)) out.push(n);
      if (out.length >= SEARCH_MAX) break;
    }
    this.matches = out;
  }

  searchKey(e) {
    if (e.key === 'Enter' && this.matches.length) {
      e.preventDefault();
      this.flyToNode(this.matches[0].guid);
      this.matches = [];
    }
  }

  render3dToolbar() {
    if (this.compact) return '';
    return html`
      <div class="l3d-toolbar" role="toolbar" aria-label="3D view">
        <label class="visually-hidden" for="l3d-search">Find a node</label>
        <input id="l3d-search" type="search" placeholder="Find a node and fly to it" autocomplete="off"
          @input=${this.search} @keydown=${this.searchKey} list="l3d-matches">
        <datalist id="l3d-matches">${this.matches.map((m) => html`<option value=${m.name}></option>`)}</datalist>
        <button type="button" id="l3d-fit" @click=${() => this.fit(true)}>Fit</button>
        ${this.selected ? html`<a class="button" id="l3d-open" href=${entityHref(this.selected)}>Open ${this.nodes.get(this.selected)?.name || ''}</a>` : ''}
        ${this.changed ? html`<button type="button" id="l3d-refresh" @click=${() => this.load()}>
          ${this.changed} lineage change${this.changed > 1 ? 's' : ''} — show</button>` : ''}
      </div>`;
  }

  render() {
    const name = this.selected ? this.nodes.get(this.selected)?.name : '';
    return html`
      ${this.render3dToolbar()}
      <div class="l3d-canvas">
        <div class="l3d-names" aria-hidden="true"></div>
        <div class="l3d-label" hidden>${name}</div>
        <p class="l3d-status" role="status">${this.status}${this.compact ? '' : ' · drag to orbit, wheel to zoom, double-click to open'}</p>
      </div>`;
  }
}
customElements.define('tb-lineage-3d', Lineage3d);
