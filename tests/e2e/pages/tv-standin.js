// A stand-in for TradingView's chart page, built from the public facts about it (see issue #10):
// - window.TradingViewApi (tradingViewApi inside a Charting Library frame): activeChart(), chart(i),
//   chartsCount(), activeChartIndex(), layout(); a chart: symbol(), getPanes(), onSymbolChanged(),
//   onIntervalChanged(), onDataLoaded(), crossHairMoved(); a pane: getHeight(), hasMainSeries(),
//   getMainSourcePriceScale() (null when the main series sits on an overlay scale); a price scale:
//   getMode() (0 normal, 1 log, 2 percent, 3 indexed), isInverted(), getVisiblePriceRange() ({from, to}
//   or null: from at y = height - 1, to at y = 0), coordinateToPrice(y). No price-to-coordinate.
// - log scale: log10(price + 1e-4); percent and indexed modes: linear in price, range still in prices.
// - DOM: .layout__area--center > .chart-container(.active) > .chart-markup-table > rows with a
//   .pane[data-qa-id="pane"] (a .chart-gui-wrapper and canvases) and a canvas price axis
//   (.price-axis-container): no text labels anywhere.
// The stand-in's own priceToY(price, chart) is the ground truth the tests measure lines against.
(function () {
  const LOG_OFFSET = 1e-4;
  const transform = (mode, price) => (mode === 1 ? Math.log10(price + LOG_OFFSET) : price);
  const inverse = (mode, value) => (mode === 1 ? Math.pow(10, value) - LOG_OFFSET : value);

  function subscribable() {
    const listeners = [];
    return {
      subscribe: (_owner, callback) => listeners.push(callback),
      unsubscribe: (_owner, callback) => listeners.splice(listeners.indexOf(callback), 1),
      fire: (...args) => listeners.slice().forEach((listener) => listener(...args)),
    };
  }

  /** One price scale in its pane's coordinates (y from the pane's top, in CSS px). */
  function createScale(config, pane) {
    const scale = {
      state: { range: { ...config.range }, mode: config.mode ?? 0, inverted: Boolean(config.inverted), loaded: !config.loadLater },
      y(price) {
        const { range, mode, inverted } = scale.state;
        const span = transform(mode, range.to) - transform(mode, range.from);
        const y = ((transform(mode, range.to) - transform(mode, price)) / span) * (pane.height - 1);
        return inverted ? pane.height - 1 - y : y;
      },
      api: {
        getMode: () => scale.state.mode,
        isInverted: () => scale.state.inverted,
        getVisiblePriceRange: () => (scale.state.loaded ? { ...scale.state.range } : null),
        coordinateToPrice(y) {
          if (!scale.state.loaded) return null;
          const { range, mode, inverted } = scale.state;
          const fromTop = inverted ? pane.height - 1 - y : y;
          const span = transform(mode, range.to) - transform(mode, range.from);
          return inverse(mode, transform(mode, range.to) - (fromTop / (pane.height - 1)) * span);
        },
      },
    };
    return scale;
  }

  /**
   * Builds charts in `root`. options: { apiName, active, charts: [{ symbol, range, mode, inverted,
   * panes: [heights], mainPane, overlayScale, loadLater, width }], direction: 'row' | 'column' }.
   */
  window.createTradingViewStandIn = function createTradingViewStandIn(root, options) {
    const area = document.createElement('div');
    area.className = 'layout__area--center';
    area.style.cssText = `display:flex; flex-direction:${options.direction ?? 'row'}; gap:6px; padding:4px; background:#0c0e15;`;
    root.append(area);
    const state = { active: options.active ?? 0 };
    const charts = options.charts.map((config, index) => {
      const container = document.createElement('div');
      container.className = 'chart-container' + (index === state.active ? ' active' : '');
      container.style.cssText = 'position:relative; border:1px solid #2a2e39;';
      const table = document.createElement('div');
      table.className = 'chart-markup-table';
      container.append(table);
      const mainPane = config.mainPane ?? 0;
      const heights = config.panes ?? [420];
      const width = config.width ?? 560;
      const symbolChanged = subscribable();
      const panes = heights.map((height, paneIndex) => {
        const row = document.createElement('div');
        row.style.cssText = 'display:flex;';
        const element = document.createElement('div');
        element.className = 'pane';
        element.setAttribute('data-qa-id', 'pane');
        element.style.cssText = `position:relative; width:${width}px; height:${height}px; background:#131722;`;
        const gui = document.createElement('div');
        gui.className = 'chart-gui-wrapper';
        gui.style.cssText = 'position:absolute; inset:0;';
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        gui.append(canvas);
        element.append(gui);
        const axis = document.createElement('div');
        axis.className = 'price-axis-container';
        axis.style.cssText = `width:64px; height:${height}px;`;
        const axisCanvas = document.createElement('canvas');
        axisCanvas.width = 64;
        axisCanvas.height = height;
        axis.append(axisCanvas);
        row.append(element, axis);
        table.append(row);
        if (paneIndex < heights.length - 1) {
          const separator = document.createElement('div');
          separator.className = 'pane-separator';
          separator.style.cssText = 'height:4px; background:#2a2e39;';
          table.append(separator);
        }
        const pane = { element, axisCanvas, height, main: paneIndex === mainPane };
        // Panes without the main series have their own scale (an oscillator from 0 to 100).
        pane.scale = createScale(pane.main ? config : { range: { from: 0, to: 100 } }, pane);
        pane.api = {
          getHeight: () => pane.height,
          hasMainSeries: () => pane.main,
          getMainSourcePriceScale: () => (pane.main ? (config.overlayScale ? null : pane.scale.api) : pane.scale.api),
        };
        return pane;
      });
      const timeAxis = document.createElement('div');
      timeAxis.className = 'time-axis';
      timeAxis.style.cssText = 'height:28px;';
      table.append(timeAxis);
      area.append(container);
      const chart = {
        index,
        config,
        container,
        panes,
        main: panes[mainPane],
        symbol: config.symbol,
        symbolChanged,
        api: {
          symbol: () => chart.symbol,
          getPanes: () => panes.map((pane) => pane.api),
          onSymbolChanged: () => symbolChanged,
          onIntervalChanged: () => subscribable(),
          onDataLoaded: () => subscribable(),
          crossHairMoved: () => subscribable(),
        },
      };
      return chart;
    });

    function drawAxis(chart) {
      for (const pane of chart.panes) {
        const context = pane.axisCanvas.getContext('2d');
        pane.axisCanvas.height = pane.height;
        context.fillStyle = '#131722';
        context.fillRect(0, 0, 64, pane.height);
        if (!pane.scale.state.loaded) continue;
        context.fillStyle = '#b2b5be';
        context.font = '11px sans-serif';
        context.textBaseline = 'middle';
        const top = pane.scale.api.coordinateToPrice(0);
        const bottom = pane.scale.api.coordinateToPrice(pane.height - 1);
        const step = Math.pow(10, Math.floor(Math.log10(Math.abs(top - bottom) / 5)));
        for (let price = Math.ceil(Math.min(top, bottom) / step) * step; price <= Math.max(top, bottom); price += step) {
          context.fillText(String(Math.round(price * 100) / 100), 6, pane.scale.y(price));
        }
      }
    }
    const redraw = () => charts.forEach(drawAxis);
    redraw();

    const api = {
      activeChart: () => charts[state.active].api,
      activeChartIndex: () => state.active,
      chart: (index) => charts[index]?.api ?? null,
      chartsCount: () => charts.length,
      layout: () => (charts.length === 1 ? 's' : '2h'),
    };
    window[options.apiName ?? 'TradingViewApi'] = api;

    let autoScaleTimer = 0;
    const control = {
      charts,
      /** Where the stand-in draws `price` on chart `index` (default: the active chart), viewport px. */
      priceToY(price, index = state.active, frameOffsetTop = 0) {
        const chart = charts[index];
        return frameOffsetTop + chart.main.element.getBoundingClientRect().top + chart.main.scale.y(price);
      },
      setSymbol(symbol, index = state.active) {
        charts[index].symbol = symbol;
        charts[index].symbolChanged.fire();
      },
      setActive(index) {
        charts[state.active].container.classList.remove('active');
        state.active = index;
        charts[index].container.classList.add('active');
      },
      pan(points, index = state.active) {
        const scale = charts[index].main.scale.state;
        scale.range = { from: scale.range.from + points, to: scale.range.to + points };
        redraw();
      },
      zoom(factor, index = state.active) {
        const scale = charts[index].main.scale.state;
        const middle = (scale.range.from + scale.range.to) / 2;
        const half = ((scale.range.to - scale.range.from) / 2) * factor;
        scale.range = { from: middle - half, to: middle + half };
        redraw();
      },
      setMode(mode, index = state.active) {
        charts[index].main.scale.state.mode = mode;
        redraw();
      },
      setInverted(inverted, index = state.active) {
        charts[index].main.scale.state.inverted = inverted;
        redraw();
      },
      resize(height, index = state.active) {
        const pane = charts[index].main;
        pane.height = height;
        pane.element.style.height = height + 'px';
        pane.axisCanvas.parentElement.style.height = height + 'px';
        redraw();
      },
      /** The data arrives: the scale answers from now on. */
      load(index = state.active) {
        charts[index].main.scale.state.loaded = true;
        redraw();
      },
      /** One live tick on an auto-scaled chart: the visible range moves with no user input. */
      tick(index = state.active) {
        const scale = charts[index].main.scale.state;
        const shift = (scale.range.to - scale.range.from) * 0.013;
        scale.range = { from: scale.range.from + shift, to: scale.range.to + shift * 1.7 };
        redraw();
      },
      autoScale(on, index = state.active) {
        clearInterval(autoScaleTimer);
        if (on) autoScaleTimer = setInterval(() => control.tick(index), 120);
      },
    };
    return control;
  };
})();
